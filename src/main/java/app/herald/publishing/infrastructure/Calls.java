package app.herald.publishing.infrastructure;

import static app.herald.kernel.JsonSupport.JSON;

import app.herald.content.domain.Network;
import app.herald.publishing.domain.AccountCheck;
import app.herald.publishing.domain.ChannelAccess;
import app.herald.publishing.domain.LookupResult;
import app.herald.publishing.domain.Metric;
import app.herald.publishing.domain.MetricReading;
import app.herald.publishing.domain.Outgoing;
import app.herald.publishing.domain.OutgoingMedia;
import app.herald.publishing.domain.PublishResult;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

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

    /**
     * The JSON object a metrics request answered with; a failure (in the network's words, read by {@code failure})
     * or an unreadable body means the numbers cannot be read now.
     */
    static JsonObject metricsAnswer(Network network, NetworkCall call, Function<NetworkCall, PublishResult> failure) {
        if (!call.succeeded()) {
            throw metricsUnavailable(network, failure.apply(call));
        }
        return call.jsonObject().orElseThrow(() -> metricsUnavailable(network, call.unreadable()));
    }

    /**
     * Starts a publication that answers later. A channel without its credentials is refused and a {@link Stop} (a
     * step before the post that failed) answers what it says, whether they come at once or from a later request of
     * the chain; anything else is a bug and fails the stage.
     */
    static CompletableFuture<PublishResult> later(Supplier<CompletableFuture<PublishResult>> start) {
        return settled(start, e -> new PublishResult.Rejected(e.getMessage()), Stop::result);
    }

    /**
     * Starts a chain of requests whose missing credential or {@link Stop}, met at once or on the way, answers as the
     * caller words it; anything else is a bug, let out as it is.
     */
    static <T> CompletableFuture<T> settled(Supplier<CompletableFuture<T>> start,
                                            Function<ChannelAccess.MissingCredential, T> missing,
                                            Function<Stop, T> stop) {
        try {
            return start.get().exceptionally(failure -> {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause instanceof ChannelAccess.MissingCredential e) {
                    return missing.apply(e);
                }
                if (cause instanceof Stop e) {
                    return stop.apply(e);
                }
                throw failure instanceof CompletionException wrapped ? wrapped : new CompletionException(cause);
            });
        } catch (ChannelAccess.MissingCredential e) {
            return CompletableFuture.completedFuture(missing.apply(e));
        } catch (Stop e) {
            return CompletableFuture.completedFuture(stop.apply(e));
        }
    }

    /** Completes after {@code pause} without a thread waiting for it (a network asked again later). */
    static CompletableFuture<Void> after(Duration pause) {
        return CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(pause.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Waits for a chain on the calling thread, letting out what failed in it as itself, a {@link Stop} included. */
    static <T> T joined(CompletableFuture<T> chain) {
        try {
            return chain.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Runs {@code step} for each item in turn, each when the one before has answered (uploads before a post), and
     * answers their results in order.
     */
    static <T, R> CompletableFuture<List<R>> inTurn(List<T> items, Function<T, CompletableFuture<R>> step) {
        CompletableFuture<List<R>> done = CompletableFuture.completedFuture(new ArrayList<>());
        for (T item : items) {
            done = done.thenCompose(results -> step.apply(item).thenApply(result -> {
                results.add(result);
                return results;
            }));
        }
        return done;
    }

    /**
     * Runs a channel reading so that its caller meets one kind of failure: a channel without its credentials, or a
     * sign-in that failed on the way, cannot be read any more than a network that is down.
     */
    static MetricReading channelReading(Network network, Supplier<MetricReading> read) {
        try {
            return read.get();
        } catch (ChannelAccess.MissingCredential e) {
            throw metricsUnavailable(network, new PublishResult.Rejected(e.getMessage(), true));
        } catch (Stop stop) {
            throw metricsUnavailable(network, stop.result());
        }
    }

    /**
     * Runs an account check so that every way it can fail (missing credentials, a refusal, no answer, an answer
     * without a name) becomes a refusal in words.
     */
    static AccountCheck account(Network network, Supplier<Optional<String>> read) {
        try {
            return read.get().filter(name -> !name.isBlank()).<AccountCheck>map(AccountCheck.Confirmed::new)
                    .orElseGet(() -> new AccountCheck.Refused(network.label() + " answered without naming the account."));
        } catch (ChannelAccess.MissingCredential e) {
            return new AccountCheck.Refused(e.getMessage());
        } catch (Stop stop) {
            return new AccountCheck.Refused(reason(stop.result()));
        }
    }

    /** The JSON answer of an account check, or a Stop with the network's reason. */
    static JsonObject accountAnswer(NetworkCall call, Function<NetworkCall, PublishResult> failure) {
        if (!call.succeeded()) {
            throw new Stop(failure.apply(call));
        }
        return call.jsonObject().orElseThrow(() -> new Stop(call.unreadable()));
    }

    /** A reading of the channel's followers, absent when the network's answer had no such number. */
    static MetricReading followers(Optional<Long> count) {
        Map<Metric, Long> values = new EnumMap<>(Metric.class);
        JsonPaths.put(values, Metric.FOLLOWERS, count);
        return new MetricReading(Instant.now(), values);
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
