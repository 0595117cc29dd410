package app.herald.publishing.infrastructure;

import java.util.List;
import java.util.ArrayList;
import app.herald.publishing.domain.OutgoingMedia;
import app.herald.publishing.domain.Outgoing;
import static app.herald.kernel.JsonSupport.JSON;

import app.herald.content.domain.Network;
import app.herald.publishing.domain.LookupResult;
import app.herald.publishing.domain.PublishResult;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What several connectors do with a {@link NetworkCall}'s answer beyond what it offers itself. */
final class Calls {

    private Calls() {
    }

    /** The answer as a JSON array (Mastodon answers listings with one), or empty. */
    static Optional<JsonArray> jsonArray(NetworkCall call) {
        if (!call.answered() || call.body().isBlank()) {
            return Optional.empty();
        }
        try (JsonReader reader = JSON.createReader(new StringReader(call.body()))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.ARRAY ? Optional.of(value.asJsonArray()) : Optional.empty();
        } catch (JsonParsingException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /**
     * The failure, with the wait taken from a rate-limit reset header (epoch seconds) when the network sends that
     * instead of Retry-After, as X (x-rate-limit-reset) and Bluesky (ratelimit-reset) do.
     */
    static PublishResult failure(NetworkCall call, String networkMessage, String resetHeader) {
        PublishResult result = call.failure(networkMessage);
        if (result instanceof PublishResult.RetryLater later && later.retryAfter() == null && call.status() == 429) {
            Optional<Duration> wait = call.header(resetHeader).filter(v -> v.strip().matches("\\d{1,12}"))
                    .map(v -> Duration.between(Instant.now(), Instant.ofEpochSecond(Long.parseLong(v.strip()))))
                    .map(d -> d.isNegative() ? Duration.ZERO : d);
            if (wait.isPresent()) {
                return new PublishResult.RetryLater(later.reason(), wait.get());
            }
        }
        return result;
    }

    static String reason(PublishResult result) {
        if (result instanceof PublishResult.Rejected r) {
            return r.reason();
        }
        if (result instanceof PublishResult.RetryLater r) {
            return r.reason();
        }
        if (result instanceof PublishResult.Unconfirmed r) {
            return r.reason();
        }
        PublishResult.Published p = (PublishResult.Published) result;
        return "published as " + p.networkPostId();
    }

    static LookupResult.Unknown unknown(Network network, PublishResult failure) {
        return new LookupResult.Unknown(network.label() + " could not be asked: " + reason(failure));
    }

    /** fetchMetrics has no result type for a failure: an unreadable network is an exception, never zeros. */
    static IllegalStateException metricsUnavailable(Network network, PublishResult failure) {
        return new IllegalStateException(network.label() + " metrics could not be read: " + reason(failure));
    }

    /** The checks most connectors share: how many images the network (or Herald for it) takes, and no video yet. */
    static List<String> imagesOnly(Network network, int maxImages, Outgoing post) {
        List<String> problems = new ArrayList<>();
        if (post.media().size() > maxImages) {
            problems.add((maxImages == 1 ? "Herald publishes one image per " + network.label() + " post"
                    : network.label() + " takes at most " + maxImages + " images per post") + "; this one has "
                    + post.media().size() + ".");
        }
        post.media().stream().filter(OutgoingMedia::isVideo).forEach(m -> problems.add("Herald cannot publish video to "
                + network.label() + " yet: remove " + m.fileName() + " or use an image."));
        return problems;
    }
}
