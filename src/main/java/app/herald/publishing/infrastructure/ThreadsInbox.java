package app.herald.publishing.infrastructure;

import app.herald.content.domain.Network;
import app.herald.publishing.domain.ChannelAccess;
import app.herald.publishing.domain.InboxRead;
import app.herald.publishing.domain.Incoming;
import app.herald.publishing.domain.InteractionKind;
import app.herald.publishing.domain.Moderation;
import app.herald.publishing.domain.NetworkInbox;
import app.herald.publishing.domain.Person;
import app.herald.publishing.domain.PublishResult;
import app.herald.publishing.domain.ReplyTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The inbox of a Threads account through the Graph API: the replies under its own threads of the look-back period
 * (each thread's whole conversation, newest first) and the posts that mention it. Threads has no feed of what is new,
 * so each reading asks every recent thread; the cursor is the time of the newest item taken. Threads lets the account
 * hide the replies directly under its threads, and neither delete nor like them.
 */
@ApplicationScoped
public class ThreadsInbox implements NetworkInbox {

    static final String REPLIES = "replies";
    static final String MENTIONS = "mentions";
    private static final String THREAD_FIELDS = "id,timestamp";
    private static final String REPLY_FIELDS = "id,text,username,permalink,timestamp,replied_to,root_post,"
            + "is_reply_owned_by_me,hide_status,profile_picture_url";
    private static final String MENTION_FIELDS = "id,text,username,permalink,timestamp,is_reply,replied_to,root_post";
    /** Threads' largest page of the account's own threads. */
    private static final int THREADS_PAGE = 100;
    /** Bounds the requests of one reading; one cut short keeps its cursor and reads again next time. */
    private static final int MAX_CALLS = 100;
    /** The Graph API writes an offset without a colon: 2024-07-03T14:12:33+0000. */
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]Z");
    private static final String LIMITS = "Threads lets an account hide the replies under its own threads, not delete "
            + "or like what others write, and does not report edits or deletions. Herald reads the replies under the "
            + "threads of the inbox's look-back period; mentions come only once Meta has approved the app for them.";

    private final MetaContainers graph;

    public ThreadsInbox() {
        this(NetworkCall.ANSWER_TIMEOUT);
    }

    ThreadsInbox(Duration answerTimeout) {
        this.graph = ThreadsConnector.graph(answerTimeout, Duration.ZERO);
    }

    @Override
    public Network network() {
        return Network.THREADS;
    }

    @Override
    public List<String> streams() {
        return List.of(REPLIES, MENTIONS);
    }

    @Override
    public InboxRead read(ChannelAccess channel, String stream, Optional<String> cursor, Instant lookBack, int max) {
        try {
            Reading reading = new Reading(channel, channel.required("access_token"),
                    cursor.flatMap(ThreadsInbox::instant).filter(c -> c.isAfter(lookBack)).orElse(lookBack));
            switch (stream) {
                case REPLIES -> reading.replies(lookBack);
                case MENTIONS -> reading.mentions();
                default -> {
                    return new InboxRead.Page(List.of(), Optional.empty(), false);
                }
            }
            return reading.page(max);
        } catch (ChannelAccess.MissingCredential e) {
            return new InboxRead.Failed(new PublishResult.Rejected(e.getMessage(), true));
        } catch (Stop stop) {
            return new InboxRead.Failed(stop.result());
        }
    }

    /** One reading of one stream: everything since {@code since}, gathered before the oldest are taken. */
    private final class Reading {
        private final ChannelAccess channel;
        private final String token;
        private final Instant since;
        private final Map<String, Incoming> found = new LinkedHashMap<>();
        private int calls;
        private boolean cut;

        Reading(ChannelAccess channel, String token, Instant since) {
            this.channel = channel;
            this.token = token;
            this.since = since;
        }

        /**
         * The oldest {@code max} items, the cursor at the newest of them: what is left is newer, so the next reading
         * finds it. A reading cut short by its bound may have missed older ones, so it keeps the old cursor.
         */
        InboxRead page(int max) {
            List<Incoming> oldestFirst = found.values().stream().sorted(Comparator.comparing(Incoming::occurredAt))
                    .toList();
            List<Incoming> taken = oldestFirst.subList(0, Math.min(max, oldestFirst.size()));
            Optional<String> next = cut || taken.isEmpty() ? Optional.empty()
                    : Optional.of(taken.get(taken.size() - 1).occurredAt().toString());
            return new InboxRead.Page(taken, next, cut || oldestFirst.size() > max);
        }

        /** The account's threads since the look-back, then each one's conversation down to {@code since}. */
        void replies(Instant lookBack) {
            List<String> threads = new ArrayList<>();
            String base = "/" + channel.account() + "/threads?fields=" + THREAD_FIELDS + "&since="
                    + lookBack.getEpochSecond() + "&limit=" + THREADS_PAGE;
            pages(base, "the account's threads", thread -> {
                JsonPaths.text(thread, "id").ifPresent(threads::add);
                return true;
            });
            for (String thread : threads) {
                pages("/" + thread + "/conversation?fields=" + REPLY_FIELDS + "&reverse=true",
                        "the replies to the account's threads", reply -> {
                            Optional<Incoming> item = reply(thread, reply);
                            item.filter(i -> !i.occurredAt().isBefore(since)).ifPresent(i -> found.put(i.itemId(), i));
                            // Newest first: one older than the cursor means the rest is older still.
                            return item.map(i -> !i.occurredAt().isBefore(since)).orElse(true);
                        });
            }
        }

        void mentions() {
            pages("/" + channel.account() + "/mentions?fields=" + MENTION_FIELDS + "&since=" + since.getEpochSecond(),
                    "the posts that mention the account", post -> {
                        mention(post).filter(i -> !i.occurredAt().isBefore(since))
                                .ifPresent(i -> found.put(i.itemId(), i));
                        return true;
                    });
        }

        /**
         * Reads a listing page by page, following its after cursor, while {@code each} asks for more. Threads gives
         * the cursors without a next address on some listings, so an empty page or a repeated cursor ends it.
         */
        private void pages(String pathAndQuery, String what, Function<JsonObject, Boolean> each) {
            String after = null;
            while (true) {
                if (calls >= MAX_CALLS) {
                    cut = true;
                    return;
                }
                calls++;
                String url = pathAndQuery + (after == null ? "" : "&after=" + Forms.encode(after));
                NetworkCall call = NetworkCall.send(graph.request(channel, url, token).GET().build());
                if (!call.succeeded()) {
                    throw new Stop(failure(call, "read " + what));
                }
                JsonObject answer = call.jsonObject().orElseThrow(() -> new Stop(new PublishResult.RetryLater(
                        "Threads answered with something Herald could not read instead of " + what + ".")));
                List<JsonObject> data = JsonPaths.objects(answer, "data");
                for (JsonObject item : data) {
                    if (!each.apply(item)) {
                        return;
                    }
                }
                Optional<String> next = JsonPaths.text(answer, "paging.cursors.after");
                if (data.isEmpty() || next.isEmpty() || next.get().equals(after)) {
                    return;
                }
                after = next.get();
            }
        }

        /** A reply in one of the account's threads: directly under it a comment, deeper a reply in its thread. */
        private Optional<Incoming> reply(String thread, JsonObject reply) {
            Optional<String> id = JsonPaths.text(reply, "id");
            Optional<Instant> at = JsonPaths.text(reply, "timestamp").flatMap(ThreadsInbox::instant);
            if (id.isEmpty() || at.isEmpty()) {
                return Optional.empty();
            }
            String parent = reference(reply, "replied_to").orElse(thread);
            String root = reference(reply, "root_post").orElse(thread);
            return Optional.of(new Incoming(id.get(), parent.equals(root) ? InteractionKind.COMMENT
                    : InteractionKind.REPLY, person(reply, id.get()), JsonPaths.text(reply, "text").orElse(""), null,
                    JsonPaths.text(reply, "permalink").orElse(null), null, parent, parent.equals(root) ? null : root,
                    ReplyTarget.of(id.get()), null, at.get(), isTrue(reply, "is_reply_owned_by_me"), false, null));
        }

        private Optional<Incoming> mention(JsonObject post) {
            Optional<String> id = JsonPaths.text(post, "id");
            Optional<Instant> at = JsonPaths.text(post, "timestamp").flatMap(ThreadsInbox::instant);
            if (id.isEmpty() || at.isEmpty()) {
                return Optional.empty();
            }
            String parent = reference(post, "replied_to").orElse(null);
            String root = reference(post, "root_post").filter(r -> !r.equals(parent)).orElse(null);
            return Optional.of(new Incoming(id.get(), InteractionKind.MENTION, person(post, id.get()),
                    JsonPaths.text(post, "text").orElse(""), null, JsonPaths.text(post, "permalink").orElse(null), null,
                    parent, root, ReplyTarget.of(id.get()), null, at.get(), false, false, null));
        }
    }

    /**
     * The author by username, the only name Threads gives for them (a user id it does not). A private profile's
     * username is withheld: the item then stands for its unnamed author, never merged with other people.
     */
    private static Person person(JsonObject item, String itemId) {
        return JsonPaths.text(item, "username")
                .map(u -> new Person(u, "@" + u, u, JsonPaths.text(item, "profile_picture_url").orElse(null), null))
                .orElseGet(() -> new Person("private:" + itemId, null, "A private Threads profile", null, null));
    }

    /** A media reference, which the Graph API gives as {"id": ...}. */
    private static Optional<String> reference(JsonObject item, String field) {
        return JsonPaths.text(item, field + ".id").or(() -> JsonPaths.text(item, field));
    }

    private static boolean isTrue(JsonObject item, String field) {
        return JsonPaths.at(item, field).map(v -> v.getValueType() == JsonValue.ValueType.TRUE).orElse(false);
    }

    static Optional<Instant> instant(String value) {
        for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME, GRAPH_TIME)) {
            try {
                return Optional.of(OffsetDateTime.parse(value.strip(), format).toInstant());
            } catch (DateTimeParseException e) {
                // the other form
            }
        }
        return Optional.empty();
    }

    /**
     * The Graph API's failure. A missing permission (HTTP 403, code 10 or the 200 range) means the channel was
     * connected before Herald asked for the inbox's permissions: connecting again asks for them.
     */
    private static PublishResult failure(NetworkCall call, String doing) {
        PublishResult result = GraphApi.failure(call, Network.THREADS.label());
        long code = call.jsonObject().flatMap(o -> JsonPaths.number(o, "error.code")).orElse(0L);
        if (result instanceof PublishResult.Rejected rejected && !rejected.reconnect()
                && (call.status() == 403 || code == 10 || code >= 200 && code < 300)) {
            return new PublishResult.Rejected("Threads did not let Herald " + doing
                    + call.jsonObject().flatMap(o -> JsonPaths.text(o, "error.message")).map(m -> " (" + m + ")")
                    .orElse("") + ". Reconnect the channel to enable the inbox.", false);
        }
        return result;
    }

    /** Only replies directly under the account's threads can be hidden (which hides those beneath them too). */
    @Override
    public Set<Moderation> moderation(InteractionKind kind) {
        return kind == InteractionKind.COMMENT ? EnumSet.of(Moderation.HIDE, Moderation.UNHIDE)
                : EnumSet.noneOf(Moderation.class);
    }

    @Override
    public Optional<String> moderate(ChannelAccess channel, Moderation action, ReplyTarget target) {
        if (action != Moderation.HIDE && action != Moderation.UNHIDE) {
            return Optional.of("Threads lets an account hide the replies under its own threads, not delete or like "
                    + "them.");
        }
        try {
            NetworkCall call = NetworkCall.send(graph.request(channel, "/" + Forms.encode(target.parentId())
                    + "/manage_reply", channel.required("access_token")).header("Content-Type", Forms.CONTENT_TYPE)
                    .POST(Forms.body(Map.of("hide", String.valueOf(action == Moderation.HIDE)))).build());
            if (!call.succeeded()) {
                return Optional.of(Calls.reason(failure(call, "hide or show replies")));
            }
            return call.jsonObject().map(o -> isTrue(o, "success")).orElse(false) ? Optional.empty()
                    : Optional.of("Threads did not confirm that it " + (action == Moderation.HIDE ? "hid" : "showed")
                    + " the reply.");
        } catch (ChannelAccess.MissingCredential e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public Optional<String> limits() {
        return Optional.of(LIMITS);
    }
}
