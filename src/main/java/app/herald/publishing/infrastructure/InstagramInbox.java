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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An Instagram professional account's inbox through the Instagram Graph API: comments under the account's media of
 * the look-back with their replies (read whole, since a new reply may come under an old comment), and the media other
 * accounts tagged it in. Mentions inside other people's comments are reported by Meta only through its webhook.
 */
@ApplicationScoped
public class InstagramInbox implements NetworkInbox {

    static final String COMMENTS = "comments";
    static final String MENTIONS = "mentions";
    /** Refs of a ReplyTarget, read back by InstagramConnector when the answer goes out. */
    static final String REF_KIND = "kind";
    static final String KIND_MENTION = "mention";
    static final String REF_THREAD = "thread";
    static final String REF_URL = "url";

    private static final String REPLY_FIELDS = "id,text,timestamp,username,from{id,username},hidden";
    private static final String COMMENT_FIELDS = "id,text,timestamp,username,from{id,username},hidden,like_count,"
            + "replies{" + REPLY_FIELDS + "}";
    private static final String REAUTHORIZE = "Reconnect the channel to enable the inbox.";
    private static final int MAX_PAGES = 20;
    /** Comments of one media read per reading: a media with more keeps its oldest for a later look. */
    private static final int COMMENT_PAGES = 10;

    private final MetaGraph graph;

    public InstagramInbox() {
        this(NetworkCall.ANSWER_TIMEOUT);
    }

    InstagramInbox(Duration answerTimeout) {
        this.graph = new MetaGraph(Network.INSTAGRAM, answerTimeout);
    }

    @Override
    public Network network() {
        return Network.INSTAGRAM;
    }

    @Override
    public List<String> streams() {
        return List.of(COMMENTS, MENTIONS);
    }

    @Override
    public InboxRead read(ChannelAccess channel, String stream, Optional<String> cursor, Instant lookBack, int max) {
        try {
            String token = channel.required("access_token");
            Instant from = MetaGraph.from(cursor, lookBack);
            String own = JsonPaths.text(graph.object(channel, "/" + channel.account(), Map.of("fields", "username"),
                    token, REAUTHORIZE), "username").orElse("");
            List<Incoming> found = MENTIONS.equals(stream) ? tags(channel, token, own, from)
                    : comments(channel, token, own, lookBack, from);
            return MetaGraph.page(found, max);
        } catch (ChannelAccess.MissingCredential e) {
            return new InboxRead.Failed(new PublishResult.Rejected(e.getMessage(), true));
        } catch (Stop stop) {
            return new InboxRead.Failed(stop.result());
        }
    }

    private List<Incoming> comments(ChannelAccess channel, String token, String own, Instant lookBack, Instant from) {
        Map<String, String> mediaQuery = new LinkedHashMap<>();
        mediaQuery.put("fields", "id,timestamp,permalink");
        mediaQuery.put("since", String.valueOf(lookBack.getEpochSecond()));
        mediaQuery.put("limit", "50");
        List<JsonObject> media = graph.list(channel, "/" + channel.account() + "/media", mediaQuery, token, MAX_PAGES,
                REAUTHORIZE, page -> !olderThan(page, lookBack));
        List<Incoming> found = new ArrayList<>();
        for (JsonObject item : media) {
            Optional<String> mediaId = JsonPaths.text(item, "id");
            if (mediaId.isEmpty() || MetaGraph.time(item, "timestamp").filter(t -> t.isBefore(lookBack)).isPresent()) {
                continue;
            }
            String url = JsonPaths.text(item, "permalink").orElse(null);
            Map<String, String> query = new LinkedHashMap<>();
            query.put("fields", COMMENT_FIELDS);
            query.put("limit", "50");
            for (JsonObject c : graph.list(channel, "/" + mediaId.get() + "/comments", query, token, COMMENT_PAGES,
                    REAUTHORIZE, page -> true)) {
                Optional<String> commentId = JsonPaths.text(c, "id");
                if (commentId.isEmpty()) {
                    continue;
                }
                comment(channel, own, c, mediaId.get(), null, commentId.get(), url).ifPresent(found::add);
                JsonPaths.objects(c, "replies.data").forEach(reply -> comment(channel, own, reply, commentId.get(),
                        mediaId.get(), commentId.get(), url).ifPresent(found::add));
            }
        }
        return found.stream().filter(i -> !i.occurredAt().isBefore(from)).toList();
    }

    /** A top-level comment answers the media; a reply answers its comment, and is answered under that comment. */
    private static Optional<Incoming> comment(ChannelAccess channel, String own, JsonObject c, String parentId,
                                              String rootId, String thread, String url) {
        Optional<String> id = JsonPaths.text(c, "id");
        Optional<Instant> at = MetaGraph.time(c, "timestamp");
        if (id.isEmpty() || at.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> username = JsonPaths.text(c, "from.username").or(() -> JsonPaths.text(c, "username"));
        Optional<String> authorId = JsonPaths.text(c, "from.id");
        String personId = authorId.or(() -> username.map(u -> "username:" + u)).orElse("unknown:" + id.get());
        Person author = new Person(personId, username.orElse(null), username.orElse(null), null, null);
        boolean fromChannel = authorId.filter(channel.account()::equals).isPresent() || isOwn(username, own);
        Map<String, String> refs = new LinkedHashMap<>();
        refs.put(REF_THREAD, thread);
        if (url != null) {
            refs.put(REF_URL, url);
        }
        return Optional.of(new Incoming(id.get(), rootId == null ? InteractionKind.COMMENT : InteractionKind.REPLY,
                author, JsonPaths.text(c, "text").orElse(""), null, url, null, parentId, rootId,
                new ReplyTarget(id.get(), refs), null, at.get(), fromChannel, false, null));
    }

    /**
     * Media the account is tagged in. Instagram lets the account comment on one only when its caption @mentions the
     * account (through the mentions edge); a photo tag alone cannot be answered.
     */
    private List<Incoming> tags(ChannelAccess channel, String token, String own, Instant from) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("fields", "id,caption,timestamp,username,permalink");
        query.put("limit", "50");
        List<Incoming> found = new ArrayList<>();
        for (JsonObject media : graph.list(channel, "/" + channel.account() + "/tags", query, token, MAX_PAGES,
                REAUTHORIZE, page -> !olderThan(page, from))) {
            Optional<String> id = JsonPaths.text(media, "id");
            Optional<Instant> at = MetaGraph.time(media, "timestamp");
            if (id.isEmpty() || at.isEmpty() || at.get().isBefore(from)) {
                continue;
            }
            Optional<String> username = JsonPaths.text(media, "username");
            String caption = JsonPaths.text(media, "caption").orElse("");
            boolean mentioned = !own.isBlank()
                    && caption.toLowerCase(Locale.ROOT).contains("@" + own.toLowerCase(Locale.ROOT));
            ReplyTarget target = mentioned ? new ReplyTarget(id.get(), Map.of(REF_KIND, KIND_MENTION)) : null;
            Person author = new Person(username.map(u -> "username:" + u).orElse("unknown:" + id.get()),
                    username.orElse(null), username.orElse(null), null, null);
            found.add(new Incoming(id.get(), InteractionKind.MENTION, author, caption, null,
                    JsonPaths.text(media, "permalink").orElse(null), null, null, null, target, null, at.get(),
                    isOwn(username, own), false, null));
        }
        return found;
    }

    private static boolean isOwn(Optional<String> username, String own) {
        return !own.isBlank() && username.filter(own::equalsIgnoreCase).isPresent();
    }

    /** Media and tags come newest first: a page whose last item is older than {@code from} is the last one needed. */
    private static boolean olderThan(List<JsonObject> page, Instant from) {
        return !page.isEmpty() && MetaGraph.time(page.get(page.size() - 1), "timestamp")
                .filter(t -> t.isBefore(from)).isPresent();
    }

    @Override
    public Set<Moderation> moderation(InteractionKind kind) {
        return kind == InteractionKind.COMMENT || kind == InteractionKind.REPLY
                ? EnumSet.of(Moderation.HIDE, Moderation.UNHIDE, Moderation.DELETE) : EnumSet.noneOf(Moderation.class);
    }

    @Override
    public Optional<String> moderate(ChannelAccess channel, Moderation action, ReplyTarget target) {
        if (target.ref(REF_KIND).filter(KIND_MENTION::equals).isPresent()) {
            return Optional.of("Instagram lets the account hide or delete comments on its own media only.");
        }
        try {
            String token = channel.required("access_token");
            String comment = "/" + target.parentId();
            return switch (action) {
                case HIDE -> graph.done(graph.postForm(channel, comment, Map.of("hide", "true"), token),
                        "hide the comment");
                case UNHIDE -> graph.done(graph.postForm(channel, comment, Map.of("hide", "false"), token),
                        "show the comment again");
                case DELETE -> graph.done(NetworkCall.send(graph.request(channel, comment, Map.of(), token).DELETE()
                        .build()), "delete the comment");
                case LIKE -> Optional.of("Instagram does not let an account like comments through its API.");
            };
        } catch (ChannelAccess.MissingCredential e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public Optional<String> limits() {
        return Optional.of("Instagram reports mentions in other people's comments only through its webhook, so the "
                + "inbox shows the posts that tag the account but not comments that mention it.");
    }
}
