package app.herald.publishing.infrastructure;

import app.herald.publishing.domain.ChannelAccess;
import app.herald.publishing.domain.PublishResult;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * What X's publishing connector and its inbox share: the channel's renewable user token, the request with its bearer
 * header, X's error bodies and what they mean (a plan that does not include an endpoint, a reply X does not allow),
 * and the account's own user id, which X's paths ask for.
 */
final class XApi {

    /** X says when a rate-limit window reopens in this header (epoch seconds), not in Retry-After. */
    static final String RESET_HEADER = "x-rate-limit-reset";
    /** Tweet ids are snowflakes: their top bits count milliseconds from this instant (X's epoch). */
    private static final long SNOWFLAKE_EPOCH_MILLIS = 1288834974657L;

    private XApi() {
    }

    static OAuth2Tokens tokens(ChannelAccess channel, Duration answerTimeout) {
        // X's confidential clients authenticate token requests with HTTP Basic.
        return new OAuth2Tokens(channel, answerTimeout, true);
    }

    static HttpRequest.Builder request(ChannelAccess channel, String pathAndQuery, String token, Duration timeout) {
        return NetworkCall.request(channel.endpoint() + pathAndQuery, timeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    static String url(String id) {
        return "https://x.com/i/web/status/" + id;
    }

    /**
     * The account's X user id: kept as account_id when the channel was connected; older channels ask /2/users/me.
     */
    static String ownId(ChannelAccess channel, OAuth2Tokens tokens, Duration timeout) {
        Optional<String> known = channel.credential("account_id")
                .or(() -> Optional.ofNullable(channel.account()).filter(a -> a.matches("\\d{1,19}")));
        if (known.isPresent()) {
            return known.get();
        }
        NetworkCall me = tokens.send(token -> request(channel, "/2/users/me", token, timeout).GET().build());
        if (!me.succeeded()) {
            throw new Stop(failure(me));
        }
        return me.jsonObject().flatMap(o -> JsonPaths.text(o, "data.id"))
                .orElseThrow(() -> new Stop(new PublishResult.RetryLater("X answered /2/users/me without the account's "
                        + "id; Herald asks again later.")));
    }

    /** When X made the post with this id, read from the id itself. */
    static Optional<Instant> madeAt(String id) {
        return id != null && id.matches("\\d{1,19}")
                ? Optional.of(Instant.ofEpochMilli((Long.parseLong(id) >> 22) + SNOWFLAKE_EPOCH_MILLIS))
                : Optional.empty();
    }

    /** The id of the post this one replies to ("replied_to") or quotes ("quoted"), from its referenced_tweets. */
    static Optional<String> referenced(JsonObject tweet, String type) {
        return JsonPaths.objects(tweet, "referenced_tweets").stream()
                .filter(r -> JsonPaths.text(r, "type").filter(type::equals).isPresent())
                .findFirst().flatMap(r -> JsonPaths.text(r, "id"));
    }

    /**
     * X's errors: {"title", "detail"} (problem details) or {"errors": [{"message"}]}; 429 resets by epoch second. Two
     * refusals are said plainly because X's words do not tell a person what to do: an app whose API plan does not
     * include the endpoint, and a reply to someone who never mentioned or engaged the account.
     */
    static PublishResult failure(NetworkCall call) {
        if (call.status() == 403 && planTooSmall(call)) {
            return new PublishResult.Rejected("X refused: the API plan of Herald's X app does not include this (the "
                    + "Free plan cannot read posts at all; the inbox needs Basic or higher). Reconnecting does not "
                    + "help: the platform's X app needs a larger plan.");
        }
        if (call.status() == 403 && replyNotAllowed(call)) {
            return new PublishResult.Rejected("X does not let this account reply here: the author limited who may "
                    + "reply, or X only lets API replies go to people who mentioned or engaged the account first. "
                    + "Answer on X itself, or mention them in a new post.");
        }
        return Calls.failure(call, message(call), RESET_HEADER);
    }

    static String message(NetworkCall call) {
        return call.jsonObject().flatMap(o -> JsonPaths.text(o, "detail")
                        .or(() -> JsonPaths.objects(o, "errors").stream().findFirst()
                                .flatMap(e -> JsonPaths.text(e, "message").or(() -> JsonPaths.text(e, "detail"))))
                        .or(() -> JsonPaths.text(o, "title")))
                .orElse(null);
    }

    /** X's "client-not-enrolled": the app's access level lacks the endpoint. */
    static boolean planTooSmall(NetworkCall call) {
        return call.jsonObject().map(o -> JsonPaths.text(o, "reason").filter("client-not-enrolled"::equals).isPresent()
                || JsonPaths.text(o, "type").filter(t -> t.endsWith("/client-forbidden")).isPresent()).orElse(false);
    }

    private static boolean replyNotAllowed(NetworkCall call) {
        String said = Optional.ofNullable(message(call)).orElse("").toLowerCase(Locale.ROOT);
        return said.contains("reply to this conversation is not allowed")
                || said.contains("not been mentioned or otherwise engaged");
    }
}
