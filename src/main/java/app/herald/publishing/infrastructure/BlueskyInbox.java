package app.herald.publishing.infrastructure;

import static app.herald.kernel.JsonSupport.JSON;

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
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bluesky's inbox: the account's notifications (app.bsky.notification.listNotifications, which the PDS answers through
 * the AppView), newest first, read back to the newest one Herald already has. Replies, mentions and quotes keep the
 * strong references (record and content ids) an answer needs; hiding a reply is a threadgate on the client's own post,
 * liking is a like record. Bluesky's direct messages live in a separate chat service Herald does not read.
 */
@ApplicationScoped
public class BlueskyInbox implements NetworkInbox {

    static final String STREAM = "notifications";
    /** The answered record's content id, and its thread's first post, as a {@link ReplyTarget} keeps them. */
    static final String CID = "cid";
    static final String ROOT_URI = "rootUri";
    static final String ROOT_CID = "rootCid";
    private static final String THREADGATE = "app.bsky.feed.threadgate";
    private static final int PAGE = 50;

    private final BlueskySession session;

    public BlueskyInbox() {
        this(NetworkCall.ANSWER_TIMEOUT);
    }

    BlueskyInbox(Duration answerTimeout) {
        this.session = new BlueskySession(answerTimeout);
    }

    @Override
    public Network network() {
        return Network.BLUESKY;
    }

    @Override
    public List<String> streams() {
        return List.of(STREAM);
    }

    /**
     * The cursor is the newest {@code indexedAt} read. Pages go back from the newest notification until one older
     * than the cursor or the look-back; one indexed at the cursor's very instant is read again (and kept once).
     */
    @Override
    public InboxRead read(ChannelAccess channel, String stream, Optional<String> cursor, Instant lookBack, int max) {
        try {
            String own = session.did(channel);
            Instant floor = cursor.flatMap(BlueskyInbox::instant).filter(c -> c.isAfter(lookBack)).orElse(lookBack);
            List<Incoming> items = new ArrayList<>();
            Optional<String> newest = Optional.empty();
            Optional<String> page = Optional.empty();
            boolean truncated = false;
            while (true) {
                String query = "app.bsky.notification.listNotifications?limit=" + PAGE
                        + page.map(p -> "&cursor=" + Forms.encode(p)).orElse("");
                NetworkCall call = session.send(channel, token -> session.xrpc(channel, query, token).GET().build());
                if (!call.succeeded()) {
                    return new InboxRead.Failed(BlueskySession.failure(call));
                }
                JsonObject answer = call.jsonObject().orElse(null);
                if (answer == null) {
                    return new InboxRead.Failed(new PublishResult.RetryLater("Bluesky answered with a body Herald could "
                            + "not read."));
                }
                boolean older = false;
                for (JsonObject notification : JsonPaths.objects(answer, "notifications")) {
                    Optional<Instant> indexed = JsonPaths.text(notification, "indexedAt").flatMap(BlueskyInbox::instant);
                    if (indexed.isEmpty() || indexed.get().isBefore(floor)) {
                        older = indexed.isPresent();
                        continue;
                    }
                    if (newest.isEmpty()) {
                        newest = JsonPaths.text(notification, "indexedAt");
                    }
                    if (items.size() >= max) {
                        truncated = true;
                        break;
                    }
                    incoming(notification, own, indexed.get()).ifPresent(items::add);
                }
                page = JsonPaths.text(answer, "cursor");
                if (older || truncated || page.isEmpty()) {
                    break;
                }
            }
            return new InboxRead.Page(items, newest, truncated);
        } catch (ChannelAccess.MissingCredential e) {
            return new InboxRead.Failed(new PublishResult.Rejected(e.getMessage(), true));
        } catch (Stop stop) {
            return new InboxRead.Failed(stop.result());
        }
    }

    private static Optional<Incoming> incoming(JsonObject notification, String own, Instant indexed) {
        Optional<String> uri = JsonPaths.text(notification, "uri");
        Optional<String> did = JsonPaths.text(notification, "author.did");
        Optional<InteractionKind> kind = kind(notification, own);
        if (uri.isEmpty() || did.isEmpty() || kind.isEmpty()) {
            return Optional.empty();
        }
        JsonObject record = JsonPaths.object(notification, "record").orElse(JsonValue.EMPTY_JSON_OBJECT);
        Optional<String> handle = JsonPaths.text(notification, "author.handle");
        Person author = new Person(did.get(), handle.map(h -> "@" + h).orElse(null),
                JsonPaths.text(notification, "author.displayName").orElse(null),
                JsonPaths.text(notification, "author.avatar").orElse(null), null);
        boolean said = kind.get().isConversational();
        Optional<String> parent = JsonPaths.text(record, "reply.parent.uri");
        Optional<String> root = JsonPaths.text(record, "reply.root.uri");
        ReplyTarget target = said ? new ReplyTarget(uri.get(), refs(notification, record)) : null;
        String language = JsonPaths.at(record, "langs").filter(v -> v.getValueType() == JsonValue.ValueType.ARRAY)
                .flatMap(v -> v.asJsonArray().stream().filter(l -> l instanceof JsonString).findFirst())
                .map(l -> ((JsonString) l).getString()).orElse(null);
        return Optional.of(new Incoming(uri.get(), kind.get(), author, said ? JsonPaths.text(record, "text").orElse("")
                : "", language, said ? webAddress(handle.orElse(did.get()), uri.get()) : null, null,
                parent.orElse(null), root.filter(r -> !r.equals(parent.orElse(null))).orElse(null), target,
                JsonPaths.text(notification, "reasonSubject").orElse(null), indexed, did.get().equals(own), false,
                null));
    }

    /** What a notification is to the client's account; empty for what the inbox does not keep (starter packs, ...). */
    private static Optional<InteractionKind> kind(JsonObject notification, String own) {
        String reason = JsonPaths.text(notification, "reason").orElse("");
        return Optional.ofNullable(switch (reason) {
            case "reply" -> JsonPaths.text(notification, "record.reply.parent.uri")
                    .filter(parent -> parent.startsWith("at://" + own + "/")).isPresent()
                    ? InteractionKind.COMMENT : InteractionKind.REPLY;
            case "mention" -> InteractionKind.MENTION;
            case "quote" -> InteractionKind.QUOTE;
            case "like" -> InteractionKind.LIKE;
            case "repost" -> InteractionKind.REPOST;
            case "follow" -> InteractionKind.FOLLOW;
            default -> null;
        });
    }

    /** The item's content id, and its thread's first post: itself when it starts one. */
    private static Map<String, String> refs(JsonObject notification, JsonObject record) {
        String cid = JsonPaths.text(notification, "cid").orElse("");
        String uri = JsonPaths.text(notification, "uri").orElse("");
        return Map.of(CID, cid, ROOT_URI, JsonPaths.text(record, "reply.root.uri").orElse(uri),
                ROOT_CID, JsonPaths.text(record, "reply.root.cid").orElse(cid));
    }

    private static String webAddress(String handleOrDid, String uri) {
        return "https://bsky.app/profile/" + handleOrDid + "/post/" + uri.substring(uri.lastIndexOf('/') + 1);
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Replies and comments can be hidden under the client's own post (threadgate) and liked; the rest only liked. */
    @Override
    public Set<Moderation> moderation(InteractionKind kind) {
        return switch (kind) {
            case COMMENT, REPLY -> EnumSet.of(Moderation.HIDE, Moderation.UNHIDE, Moderation.LIKE);
            case MENTION, QUOTE -> EnumSet.of(Moderation.LIKE);
            default -> EnumSet.noneOf(Moderation.class);
        };
    }

    @Override
    public Optional<String> moderate(ChannelAccess channel, Moderation action, ReplyTarget target) {
        try {
            return switch (action) {
                case LIKE -> like(channel, target);
                case HIDE, UNHIDE -> hide(channel, target, action == Moderation.HIDE);
                default -> Optional.of("Bluesky does not let an account delete what others write.");
            };
        } catch (ChannelAccess.MissingCredential e) {
            return Optional.of(e.getMessage());
        } catch (Stop stop) {
            return Optional.of(Calls.reason(stop.result()));
        }
    }

    private Optional<String> like(ChannelAccess channel, ReplyTarget target) {
        JsonObject subject = JSON.createObjectBuilder().add("uri", target.parentId())
                .add("cid", target.ref(CID).orElse("")).build();
        return create(channel, "app.bsky.feed.like", JSON.createObjectBuilder().add("$type", "app.bsky.feed.like")
                .add("subject", subject).add("createdAt", now()).build());
    }

    /**
     * Hides (or shows again) a reply under the client's own post: the post's threadgate record lists hidden replies.
     * The record is read first, so what else it says (who may reply, other hidden replies) stays.
     */
    private Optional<String> hide(ChannelAccess channel, ReplyTarget target, boolean hidden) {
        String own = session.did(channel);
        String root = target.ref(ROOT_URI).orElse(target.parentId());
        if (!root.startsWith("at://" + own + "/")) {
            return Optional.of("Bluesky lets an account hide replies only under its own posts.");
        }
        String rkey = root.substring(root.lastIndexOf('/') + 1);
        NetworkCall current = session.send(channel, token -> session.xrpc(channel, "com.atproto.repo.getRecord?repo="
                + Forms.encode(own) + "&collection=" + THREADGATE + "&rkey=" + rkey, token).GET().build());
        JsonObject existing = current.succeeded() ? current.jsonObject().flatMap(o -> JsonPaths.object(o, "value"))
                .orElse(JsonValue.EMPTY_JSON_OBJECT) : JsonValue.EMPTY_JSON_OBJECT;
        if (!current.succeeded() && !"RecordNotFound".equals(BlueskySession.error(current))) {
            return Optional.of(Calls.reason(BlueskySession.failure(current)));
        }
        List<String> hiddenReplies = new ArrayList<>();
        JsonPaths.at(existing, "hiddenReplies").filter(v -> v.getValueType() == JsonValue.ValueType.ARRAY)
                .ifPresent(v -> v.asJsonArray().forEach(u -> hiddenReplies.add(((JsonString) u).getString())));
        hiddenReplies.remove(target.parentId());
        if (hidden) {
            hiddenReplies.add(target.parentId());
        }
        JsonArrayBuilder list = JSON.createArrayBuilder();
        hiddenReplies.forEach(list::add);
        JsonObjectBuilder gate = JSON.createObjectBuilder(existing).add("$type", THREADGATE).add("post", root)
                .add("hiddenReplies", list);
        if (!existing.containsKey("createdAt")) {
            gate.add("createdAt", now());
        }
        JsonObject body = JSON.createObjectBuilder().add("repo", own).add("collection", THREADGATE).add("rkey", rkey)
                .add("record", gate).build();
        NetworkCall put = session.send(channel, token -> session.xrpc(channel, "com.atproto.repo.putRecord", token)
                .header("Content-Type", "application/json").POST(NetworkCall.json(body)).build());
        return put.succeeded() ? Optional.empty() : Optional.of(Calls.reason(BlueskySession.failure(put)));
    }

    private Optional<String> create(ChannelAccess channel, String collection, JsonObject record) {
        JsonObject body = JSON.createObjectBuilder().add("repo", session.did(channel)).add("collection", collection)
                .add("record", record).build();
        NetworkCall call = session.send(channel, token -> session.xrpc(channel, "com.atproto.repo.createRecord", token)
                .header("Content-Type", "application/json").POST(NetworkCall.json(body)).build());
        return call.succeeded() ? Optional.empty() : Optional.of(Calls.reason(BlueskySession.failure(call)));
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    @Override
    public Optional<String> limits() {
        return Optional.of("Bluesky's direct messages live in a chat service Herald does not read; replies can be "
                + "hidden only under the client's own posts.");
    }
}
