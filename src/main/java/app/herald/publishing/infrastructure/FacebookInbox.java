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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Facebook Page's inbox through the Graph API: comments under the Page's posts (Meta's webhook says when to look;
 * this reading is also the backstop when a webhook is lost) and, where the Page token may read them, its Messenger
 * conversations. Comments are read per post of the look-back, newest first, down to the cursor.
 */
@ApplicationScoped
public class FacebookInbox implements NetworkInbox {

    static final String COMMENTS = "comments";
    static final String MESSAGES = "messages";
    static final String MESSAGING_WINDOW = "Facebook lets a Page answer a Messenger conversation only within 24 hours "
            + "of the person's last message.";
    static final String UNKNOWN_PERSON = "Someone on Facebook";
    /** Refs of a ReplyTarget, read back by FacebookPageConnector when the answer goes out. */
    static final String REF_KIND = "kind";
    static final String KIND_MESSAGE = "message";
    static final String REF_THREAD = "thread";
    static final String REF_RECIPIENT = "recipient";
    static final String REF_LAST_MESSAGE_AT = "lastMessageAt";
    static final String REF_URL = "url";

    private static final String COMMENT_FIELDS = "id,message,from{id,name,picture},created_time,parent{id},is_hidden,"
            + "permalink_url,can_hide,can_remove,message_tags";
    private static final String REAUTHORIZE = "Reconnect the channel to enable the inbox.";
    private static final String REAUTHORIZE_MESSENGER = "Reconnect with Messenger access to read messages.";
    private static final int MAX_PAGES = 20;

    private final MetaGraph graph;

    public FacebookInbox() {
        this(NetworkCall.ANSWER_TIMEOUT);
    }

    FacebookInbox(Duration answerTimeout) {
        this.graph = new MetaGraph(Network.FACEBOOK, answerTimeout);
    }

    @Override
    public Network network() {
        return Network.FACEBOOK;
    }

    @Override
    public List<String> streams() {
        return List.of(COMMENTS, MESSAGES);
    }

    @Override
    public InboxRead read(ChannelAccess channel, String stream, Optional<String> cursor, Instant lookBack, int max) {
        try {
            String token = channel.required("access_token");
            Instant from = MetaGraph.from(cursor, lookBack);
            List<Incoming> found = MESSAGES.equals(stream) ? messages(channel, token, from)
                    : comments(channel, token, lookBack, from);
            return MetaGraph.page(found, max);
        } catch (ChannelAccess.MissingCredential e) {
            return new InboxRead.Failed(new PublishResult.Rejected(e.getMessage(), true));
        } catch (Stop stop) {
            return new InboxRead.Failed(stop.result());
        }
    }

    /**
     * A post of any age in the look-back may get a comment now, so every post since the look-back is asked for its
     * comments after {@code from}; filter=stream lists replies too, each with its parent.
     */
    private List<Incoming> comments(ChannelAccess channel, String token, Instant lookBack, Instant from) {
        Map<String, String> postQuery = new LinkedHashMap<>();
        postQuery.put("fields", "id,created_time,permalink_url");
        postQuery.put("since", String.valueOf(lookBack.getEpochSecond()));
        postQuery.put("limit", "50");
        List<JsonObject> posts = graph.list(channel, "/" + channel.account() + "/feed", postQuery, token, MAX_PAGES,
                REAUTHORIZE, page -> !olderThan(page, "created_time", lookBack));
        List<Incoming> found = new ArrayList<>();
        for (JsonObject post : posts) {
            Optional<String> postId = JsonPaths.text(post, "id");
            if (postId.isEmpty() || olderThan(List.of(post), "created_time", lookBack)) {
                continue;
            }
            Map<String, String> query = new LinkedHashMap<>();
            query.put("filter", "stream");
            query.put("order", "reverse_chronological");
            query.put("fields", COMMENT_FIELDS);
            query.put("since", String.valueOf(from.getEpochSecond()));
            query.put("limit", "100");
            graph.list(channel, "/" + postId.get() + "/comments", query, token, MAX_PAGES, REAUTHORIZE,
                            page -> !olderThan(page, "created_time", from)).stream()
                    .map(c -> comment(channel, postId.get(), JsonPaths.text(post, "permalink_url").orElse(null), c))
                    .flatMap(Optional::stream)
                    .filter(c -> !c.occurredAt().isBefore(from))
                    .forEach(found::add);
        }
        return found;
    }

    private static Optional<Incoming> comment(ChannelAccess channel, String postId, String postUrl, JsonObject c) {
        Optional<String> id = JsonPaths.text(c, "id");
        Optional<Instant> at = MetaGraph.time(c, "created_time");
        if (id.isEmpty() || at.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> parent = JsonPaths.text(c, "parent.id");
        // Without the right permission Meta leaves "from" out: the comment still counts, its author stays unnamed.
        Optional<String> authorId = JsonPaths.text(c, "from.id");
        Person author = authorId.map(a -> new Person(a, null, JsonPaths.text(c, "from.name").orElse(null),
                        JsonPaths.text(c, "from.picture.data.url").orElse(null), null))
                .orElseGet(() -> new Person("unknown:" + id.get(), UNKNOWN_PERSON, UNKNOWN_PERSON, null, null));
        String url = JsonPaths.text(c, "permalink_url").orElse(postUrl);
        Map<String, String> refs = new LinkedHashMap<>();
        refs.put(REF_THREAD, parent.orElse(id.get()));
        if (url != null) {
            refs.put(REF_URL, url);
        }
        return Optional.of(new Incoming(id.get(), parent.isPresent() ? InteractionKind.REPLY : InteractionKind.COMMENT,
                author, JsonPaths.text(c, "message").orElse(""), null, url, null, parent.orElse(postId),
                parent.isPresent() ? postId : null, new ReplyTarget(id.get(), refs), null, at.get(),
                authorId.filter(a -> a.equals(channel.account())).isPresent(), false, null));
    }

    /**
     * Conversations come most recently updated first; each brings its newest messages, and a conversation with more
     * new ones than that is read on through its own messages list.
     */
    private List<Incoming> messages(ChannelAccess channel, String token, Instant from) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("platform", "messenger");
        query.put("fields", "id,updated_time,messages.limit(20){id,message,from,created_time}");
        List<JsonObject> conversations = graph.list(channel, "/" + channel.account() + "/conversations", query, token,
                MAX_PAGES, REAUTHORIZE_MESSENGER, page -> !olderThan(page, "updated_time", from));
        List<Incoming> found = new ArrayList<>();
        for (JsonObject conversation : conversations) {
            Optional<String> id = JsonPaths.text(conversation, "id");
            if (id.isEmpty() || olderThan(List.of(conversation), "updated_time", from)) {
                continue;
            }
            List<JsonObject> messages = new ArrayList<>(JsonPaths.objects(conversation, "messages.data"));
            Optional<String> after = JsonPaths.object(conversation, "messages").flatMap(MetaGraph::next);
            if (after.isPresent() && !olderThan(messages, "created_time", from)) {
                Map<String, String> more = new LinkedHashMap<>();
                more.put("fields", "id,message,from,created_time");
                more.put("after", after.get());
                messages.addAll(graph.list(channel, "/" + id.get() + "/messages", more, token, MAX_PAGES,
                        REAUTHORIZE_MESSENGER, page -> !olderThan(page, "created_time", from)));
            }
            found.addAll(conversation(channel, id.get(), messages, from));
        }
        return found;
    }

    private static List<Incoming> conversation(ChannelAccess channel, String conversationId, List<JsonObject> messages,
                                               Instant from) {
        // The 24-hour window runs from the person's latest message, whichever of their messages is answered.
        Map<String, Instant> lastFrom = new LinkedHashMap<>();
        for (JsonObject m : messages) {
            Optional<String> sender = JsonPaths.text(m, "from.id");
            Optional<Instant> at = MetaGraph.time(m, "created_time");
            if (sender.isPresent() && at.isPresent()) {
                lastFrom.merge(sender.get(), at.get(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        List<Incoming> found = new ArrayList<>();
        for (JsonObject m : messages) {
            Optional<String> id = JsonPaths.text(m, "id");
            Optional<String> sender = JsonPaths.text(m, "from.id");
            Optional<Instant> at = MetaGraph.time(m, "created_time");
            if (id.isEmpty() || sender.isEmpty() || at.isEmpty() || at.get().isBefore(from)) {
                continue;
            }
            Map<String, String> refs = new LinkedHashMap<>();
            refs.put(REF_KIND, KIND_MESSAGE);
            refs.put(REF_THREAD, conversationId);
            refs.put(REF_RECIPIENT, sender.get());
            refs.put(REF_LAST_MESSAGE_AT, String.valueOf(lastFrom.get(sender.get()).getEpochSecond()));
            Person author = new Person(sender.get(), null, JsonPaths.text(m, "from.name").orElse(null), null, null);
            found.add(new Incoming(id.get(), InteractionKind.MESSAGE, author, JsonPaths.text(m, "message").orElse(""),
                    null, null, conversationId, null, null, new ReplyTarget(id.get(), refs), null, at.get(),
                    sender.get().equals(channel.account()), false, null));
        }
        return found;
    }

    /** A list that comes newest first has reached {@code from} once its last item is older. */
    private static boolean olderThan(List<JsonObject> page, String field, Instant from) {
        return !page.isEmpty() && MetaGraph.time(page.get(page.size() - 1), field).filter(t -> t.isBefore(from))
                .isPresent();
    }

    @Override
    public Set<Moderation> moderation(InteractionKind kind) {
        return kind == InteractionKind.COMMENT || kind == InteractionKind.REPLY ? EnumSet.allOf(Moderation.class)
                : EnumSet.noneOf(Moderation.class);
    }

    @Override
    public Optional<String> moderate(ChannelAccess channel, Moderation action, ReplyTarget target) {
        if (target.ref(REF_KIND).filter(KIND_MESSAGE::equals).isPresent()) {
            return Optional.of("Facebook does not let a Page hide, delete or like a Messenger message.");
        }
        try {
            String token = channel.required("access_token");
            String comment = "/" + target.parentId();
            return switch (action) {
                case HIDE -> graph.done(graph.postForm(channel, comment, Map.of("is_hidden", "true"), token),
                        "hide the comment");
                case UNHIDE -> graph.done(graph.postForm(channel, comment, Map.of("is_hidden", "false"), token),
                        "show the comment again");
                case DELETE -> graph.done(NetworkCall.send(graph.request(channel, comment, Map.of(), token).DELETE()
                        .build()), "delete the comment");
                case LIKE -> graph.done(graph.postForm(channel, comment + "/likes", Map.of(), token),
                        "like the comment");
            };
        } catch (ChannelAccess.MissingCredential e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public Optional<String> limits() {
        return Optional.of(MESSAGING_WINDOW);
    }
}
