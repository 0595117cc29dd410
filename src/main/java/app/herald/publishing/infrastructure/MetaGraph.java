package app.herald.publishing.infrastructure;

import static app.herald.kernel.JsonSupport.JSON;

import app.herald.content.domain.Network;
import app.herald.publishing.domain.ChannelAccess;
import app.herald.publishing.domain.InboxRead;
import app.herald.publishing.domain.Incoming;
import app.herald.publishing.domain.PublishResult;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the Facebook Page and Instagram inboxes (and the answers their connectors send) share on top of
 * {@link GraphApi}: requests with the token in the Authorization header and the query encoded (field lists carry
 * braces, which a URL cannot hold raw), lists read page by page through their "after" cursor, Meta's times, and what a
 * refused reading means for an inbox.
 */
final class MetaGraph {

    /** Meta writes times as 2025-03-01T09:00:00+0000: an offset without a colon, which ISO parsing refuses. */
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");
    /** Meta's own codes for a missing permission: 10, and the 200 range (230 is Messenger's). */
    private static final int PERMISSION_DENIED = 10;

    private final Network network;
    private final Duration answerTimeout;

    MetaGraph(Network network, Duration answerTimeout) {
        this.network = network;
        this.answerTimeout = answerTimeout;
    }

    HttpRequest.Builder request(ChannelAccess channel, String path, Map<String, String> query, String token) {
        return NetworkCall.request(channel.endpoint() + path + (query.isEmpty() ? "" : "?" + Forms.query(query)),
                        answerTimeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    NetworkCall get(ChannelAccess channel, String path, Map<String, String> query, String token) {
        return NetworkCall.send(request(channel, path, query, token).GET().build());
    }

    NetworkCall postForm(ChannelAccess channel, String path, Map<String, String> fields, String token) {
        return NetworkCall.send(request(channel, path, Map.of(), token).header("Content-Type", Forms.CONTENT_TYPE)
                .POST(Forms.body(fields)).build());
    }

    /** One object read for an inbox, or a Stop with what its refusal means for the inbox. */
    JsonObject object(ChannelAccess channel, String path, Map<String, String> query, String token,
                      String whenNotAllowed) {
        NetworkCall call = get(channel, path, query, token);
        if (!call.succeeded()) {
            throw new Stop(readFailure(call, whenNotAllowed));
        }
        return call.jsonObject().orElseThrow(() -> new Stop(unreadable(call)));
    }

    /**
     * The objects of a list, page after page while {@code more} says the last page was still worth reading, the list
     * has a next page and fewer than {@code maxPages} were read. Meta's "next" address carries the token in its
     * query, so the next page is asked for with its "after" cursor instead.
     */
    List<JsonObject> list(ChannelAccess channel, String path, Map<String, String> query, String token, int maxPages,
                          String whenNotAllowed, Predicate<List<JsonObject>> more) {
        List<JsonObject> all = new ArrayList<>();
        Map<String, String> pageQuery = new LinkedHashMap<>(query);
        for (int page = 0; page < maxPages; page++) {
            JsonObject answer = object(channel, path, pageQuery, token, whenNotAllowed);
            List<JsonObject> items = JsonPaths.objects(answer, "data");
            all.addAll(items);
            Optional<String> after = next(answer);
            if (after.isEmpty() || items.isEmpty() || !more.test(items)) {
                break;
            }
            pageQuery.put("after", after.get());
        }
        return all;
    }

    /** The cursor of a list's next page, present only when Meta says there is one ({@code paging.next}). */
    static Optional<String> next(JsonObject list) {
        return JsonPaths.text(list, "paging.next").isPresent() ? JsonPaths.text(list, "paging.cursors.after")
                : Optional.empty();
    }

    /**
     * Where a reading starts: at the cursor (Unix seconds of the newest item read, itself read again, which is
     * harmless), never before the look-back.
     */
    static Instant from(Optional<String> cursor, Instant lookBack) {
        Instant after = cursor.filter(c -> c.matches("\\d{1,12}")).map(c -> Instant.ofEpochSecond(Long.parseLong(c)))
                .orElse(lookBack);
        return after.isBefore(lookBack) ? lookBack : after;
    }

    /**
     * One reading's page: the oldest {@code max} of what was found, so that a truncated reading goes on next time from
     * the newest item it took (the cursor) without leaving out anything older.
     */
    static InboxRead.Page page(Collection<Incoming> found, int max) {
        Map<String, Incoming> once = new LinkedHashMap<>();
        found.forEach(item -> once.putIfAbsent(item.itemId(), item));
        List<Incoming> sorted = once.values().stream().sorted(Comparator.comparing(Incoming::occurredAt)).toList();
        List<Incoming> taken = sorted.subList(0, Math.min(Math.max(max, 0), sorted.size()));
        Optional<String> cursor = taken.isEmpty() ? Optional.empty()
                : Optional.of(String.valueOf(taken.get(taken.size() - 1).occurredAt().getEpochSecond()));
        return new InboxRead.Page(taken, cursor, sorted.size() > taken.size());
    }

    /** A Graph time: Meta's own form, ISO-8601 with a zone, or Unix seconds. */
    static Optional<Instant> time(JsonObject object, String path) {
        return JsonPaths.text(object, path).flatMap(MetaGraph::time);
    }

    static Optional<Instant> time(String value) {
        String v = value.strip();
        if (v.matches("\\d{1,12}")) {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(v)));
        }
        try {
            return Optional.of(OffsetDateTime.parse(v, GRAPH_TIME).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(OffsetDateTime.parse(v).toInstant());
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    /**
     * What a refused exchange means. Meta rarely sends Retry-After; a rate-limited Page or Instagram account is told
     * in X-Business-Use-Case-Usage how many minutes remain ({@code estimated_time_to_regain_access}).
     */
    PublishResult failure(NetworkCall call) {
        PublishResult result = GraphApi.failure(call, network.label());
        if (result instanceof PublishResult.RetryLater later && later.retryAfter() == null && later.rateLimited()) {
            Optional<Duration> wait = call.header("X-Business-Use-Case-Usage").flatMap(MetaGraph::regainAccess);
            if (wait.isPresent()) {
                return new PublishResult.RetryLater(later.reason(), wait.get(), true);
            }
        }
        return result;
    }

    /**
     * What a refused reading means for an inbox: a missing permission cannot pass by waiting, so the inbox says how
     * to get it ({@code whenNotAllowed}) without asking for a new sign-in when the old one still publishes.
     */
    PublishResult readFailure(NetworkCall call, String whenNotAllowed) {
        PublishResult result = failure(call);
        if (result instanceof PublishResult.Rejected rejected && !rejected.reconnect()
                && (isPermissionError(call) || call.status() == 403)) {
            String said = errorMessage(call).map(m -> " (" + m.replaceAll("[.\\s]+$", "") + ")").orElse("");
            return new PublishResult.Rejected(network.label() + " did not let Herald read this" + said + ". "
                    + whenNotAllowed, false);
        }
        return result;
    }

    static boolean isPermissionError(NetworkCall call) {
        int code = errorCode(call);
        return code == PERMISSION_DENIED || (code >= 200 && code <= 299);
    }

    static int errorCode(NetworkCall call) {
        return call.jsonObject().flatMap(o -> JsonPaths.number(o, "error.code")).orElse(0L).intValue();
    }

    static Optional<String> errorMessage(NetworkCall call) {
        return call.jsonObject().flatMap(o -> JsonPaths.text(o, "error.message"));
    }

    /** An answer Herald could not read means nothing was read: try again rather than look anything up. */
    PublishResult unreadable(NetworkCall call) {
        return new PublishResult.RetryLater(network.label() + " answered HTTP " + call.status()
                + " with a body Herald could not read.");
    }

    /** The longest wait any business use case in the header asks for, in minutes. */
    static Optional<Duration> regainAccess(String header) {
        try (JsonReader reader = JSON.createReader(new StringReader(header))) {
            JsonValue usage = reader.readValue();
            if (usage.getValueType() != JsonValue.ValueType.OBJECT) {
                return Optional.empty();
            }
            return usage.asJsonObject().values().stream()
                    .filter(v -> v.getValueType() == JsonValue.ValueType.ARRAY)
                    .flatMap(v -> JsonPaths.objects(v.asJsonArray()).stream())
                    .map(u -> JsonPaths.number(u, "estimated_time_to_regain_access").orElse(0L))
                    .filter(minutes -> minutes > 0).max(Long::compare).map(Duration::ofMinutes);
        } catch (JsonParsingException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** The moderation calls answer {"success": true}; anything else is the network's refusal, in words. */
    Optional<String> done(NetworkCall call, String what) {
        if (!call.answered()) {
            return Optional.of(network.label() + " did not answer whether it could " + what + "; look at it there "
                    + "before trying again.");
        }
        if (!call.succeeded()) {
            return Optional.of(network.label() + " did not " + what + ": "
                    + errorMessage(call).orElseGet(() -> Calls.reason(failure(call))));
        }
        boolean success = call.jsonObject().flatMap(o -> JsonPaths.at(o, "success"))
                .map(v -> v.getValueType() == JsonValue.ValueType.TRUE).orElse(false);
        return success ? Optional.empty()
                : Optional.of(network.label() + " did not confirm that it could " + what + "; look at it there.");
    }
}
