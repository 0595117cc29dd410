package app.herald.publishing.infrastructure;

import app.herald.publishing.domain.Metric;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads values by dotted path from the networks' answers, where any field may be missing or null. */
final class JsonPaths {

    private JsonPaths() {
    }

    static Optional<JsonValue> at(JsonObject object, String path) {
        JsonValue current = object;
        for (String key : path.split("\\.")) {
            if (current == null || current.getValueType() != JsonValue.ValueType.OBJECT) {
                return Optional.empty();
            }
            current = current.asJsonObject().get(key);
        }
        return Optional.ofNullable(current).filter(v -> v.getValueType() != JsonValue.ValueType.NULL);
    }

    /** A string, or a number as text (ids arrive as either). */
    static Optional<String> text(JsonObject object, String path) {
        return at(object, path).flatMap(v -> switch (v.getValueType()) {
            case STRING -> Optional.of(((JsonString) v).getString());
            case NUMBER -> Optional.of(v.toString());
            default -> Optional.empty();
        }).filter(s -> !s.isBlank());
    }

    static Optional<Long> number(JsonObject object, String path) {
        return at(object, path).flatMap(v -> switch (v.getValueType()) {
            case NUMBER -> Optional.of(((JsonNumber) v).longValue());
            case STRING -> ((JsonString) v).getString().matches("\\d{1,18}")
                    ? Optional.of(Long.parseLong(((JsonString) v).getString())) : Optional.empty();
            default -> Optional.empty();
        });
    }

    static Optional<JsonObject> object(JsonObject object, String path) {
        return at(object, path).filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT).map(JsonValue::asJsonObject);
    }

    /** The objects of an array (other elements skipped); empty when absent. */
    static List<JsonObject> objects(JsonObject object, String path) {
        return at(object, path).filter(v -> v.getValueType() == JsonValue.ValueType.ARRAY)
                .map(v -> objects(v.asJsonArray())).orElse(List.of());
    }

    static List<JsonObject> objects(JsonArray array) {
        return array.stream().filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT).map(JsonValue::asJsonObject)
                .toList();
    }

    /** Records a metric only when the network gave it: absent stays absent. */
    static void put(Map<Metric, Long> values, Metric metric, Optional<Long> value) {
        value.ifPresent(v -> values.put(metric, v));
    }
}
