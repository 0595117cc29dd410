package app.herald.publishing.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;

/** Numbers read from a network at one instant. A metric the network does not offer is absent: "not available". */
public record MetricReading(Instant readAt, Map<Metric, Long> values) {

    public MetricReading {
        values = values.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(values));
    }

    public OptionalLong value(Metric metric) {
        Long v = values.get(metric);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }
}
