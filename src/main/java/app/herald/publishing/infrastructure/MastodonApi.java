package app.herald.publishing.infrastructure;

import app.herald.publishing.domain.ChannelAccess;
import app.herald.publishing.domain.PublishResult;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What {@link MastodonConnector} and {@link MastodonInbox} share: requests to the channel's own instance with its
 * bearer token, the signed-in account, and Mastodon's error body and rate-limit headers.
 */
final class MastodonApi {

    private final Duration answerTimeout;

    MastodonApi(Duration answerTimeout) {
        this.answerTimeout = answerTimeout;
    }

    HttpRequest.Builder request(ChannelAccess channel, String pathAndQuery, String token) {
        return NetworkCall.request(channel.endpoint() + pathAndQuery, answerTimeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    /** The signed-in account as verify_credentials describes it; a Stop with Mastodon's reason when it cannot. */
    JsonObject account(ChannelAccess channel, String token) {
        NetworkCall call = NetworkCall.send(request(channel, "/api/v1/accounts/verify_credentials", token)
                .GET().build());
        return Calls.accountAnswer(call, MastodonApi::failure);
    }

    /** Mastodon's error body: {"error": "..."}. */
    static String errorMessage(NetworkCall call) {
        return call.jsonObject().flatMap(o -> JsonPaths.text(o, "error")).orElse(null);
    }

    /**
     * The failure in Mastodon's words. A 429 without Retry-After waits until X-RateLimit-Reset, which Mastodon sends
     * as an ISO 8601 time rather than as epoch seconds.
     */
    static PublishResult failure(NetworkCall call) {
        PublishResult result = call.failure(errorMessage(call));
        if (result instanceof PublishResult.RetryLater later && later.retryAfter() == null && call.status() == 429) {
            Optional<Duration> wait = call.header("X-RateLimit-Reset").flatMap(MastodonApi::instant)
                    .map(at -> Duration.between(Instant.now(), at)).map(d -> d.isNegative() ? Duration.ZERO : d);
            if (wait.isPresent()) {
                return new PublishResult.RetryLater(later.reason(), wait.get(), true);
            }
        }
        return result;
    }

    /** Mastodon's times are ISO 8601 with an offset (created_at, edited_at, X-RateLimit-Reset). */
    static Optional<Instant> instant(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value.strip()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The instance's host, which local accounts leave out of their acct. */
    static String host(ChannelAccess channel) {
        try {
            return Optional.ofNullable(URI.create(channel.endpoint()).getHost()).orElse("");
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
