package app.herald.publishing.infrastructure;

import app.herald.publishing.domain.PublishResult;
import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Meta's Graph APIs (Facebook, Instagram, Threads) share: the error body {"error": {"message", "code",
 * "error_subcode"}}, whose code says more than the HTTP status (an expired token often comes back as 400), and the
 * insights answer.
 */
final class GraphApi {

    /** Application, user, page and business-use-case rate limits. */
    private static final Set<Integer> RATE_LIMITED = Set.of(4, 17, 32, 613, 80001, 80002, 80004, 80005, 80006);
    private static final int TOKEN_INVALID = 190;
    /** Instagram's "the account reached its daily publishing limit". */
    private static final int PUBLISHING_LIMIT_SUBCODE = 2207042;

    private GraphApi() {
    }

    static PublishResult failure(NetworkCall call, String networkLabel) {
        Optional<JsonObject> error = call.jsonObject().flatMap(o -> JsonPaths.object(o, "error"));
        String message = error.flatMap(e -> JsonPaths.text(e, "message")).orElse(null);
        int code = error.flatMap(e -> JsonPaths.number(e, "code")).orElse(0L).intValue();
        int subcode = error.flatMap(e -> JsonPaths.number(e, "error_subcode")).orElse(0L).intValue();
        boolean transientError = error.flatMap(e -> JsonPaths.at(e, "is_transient"))
                .map(v -> v.getValueType() == jakarta.json.JsonValue.ValueType.TRUE).orElse(false);
        String said = message == null ? "" : ": " + message;
        if (code == TOKEN_INVALID) {
            return new PublishResult.Rejected(networkLabel + " no longer accepts this channel's sign-in (token expired "
                    + "or revoked)" + said + ". Reconnect the channel, then retry.", true);
        }
        if (RATE_LIMITED.contains(code) || subcode == PUBLISHING_LIMIT_SUBCODE) {
            return new PublishResult.RetryLater(networkLabel + "'s rate limit was reached" + said + ".",
                    call.retryAfter().orElse(null), true);
        }
        if (transientError && call.answered()) {
            return new PublishResult.RetryLater(networkLabel + " had a temporary error" + said + ".");
        }
        return call.failure(message);
    }

    /**
     * Insights as name to value. A metric comes as {"name", "values": [{"value"}]} or, for newer metrics,
     * {"name", "total_value": {"value"}}.
     */
    static Map<String, Long> insights(JsonObject answer) {
        Map<String, Long> values = new HashMap<>();
        for (JsonObject metric : JsonPaths.objects(answer, "data")) {
            Optional<String> name = JsonPaths.text(metric, "name");
            Optional<Long> value = JsonPaths.number(metric, "total_value.value")
                    .or(() -> JsonPaths.objects(metric, "values").stream().findFirst()
                            .flatMap(v -> JsonPaths.number(v, "value")));
            if (name.isPresent() && value.isPresent()) {
                values.put(name.get(), value.get());
            }
        }
        return values;
    }
}
