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
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The inbox of a LinkedIn organization page, read through the Community Management API: the comments under the page's
 * recent posts and the comments nested under those. LinkedIn has no feed of new comments, so every reading lists the
 * page's posts of the look-back period and their comments, and keeps those written or edited since the cursor (the
 * newest such time taken, in epoch milliseconds). The page may delete and like comments under its own posts; LinkedIn
 * has no hiding. A member's own profile has no inbox at all.
 */
@ApplicationScoped
public class LinkedInInbox implements NetworkInbox {

    static final String COMMENTS = "comments";
    static final String PERSONAL_PROFILE = "LinkedIn offers no inbox for personal profiles; connect an organization "
            + "page to answer comments.";
    /** Posts per page of the author finder (LinkedIn takes up to 100). */
    static final int POST_PAGE = 50;
    /** Bounds the posts one reading looks under. */
    static final int MAX_POST_PAGES = 4;

    private final Duration answerTimeout;

    public LinkedInInbox() {
        this(NetworkCall.ANSWER_TIMEOUT);
    }

    LinkedInInbox(Duration answerTimeout) {
        this.answerTimeout = answerTimeout;
    }

    @Override
    public Network network() {
        return Network.LINKEDIN;
    }

    @Override
    public List<String> streams() {
        return List.of(COMMENTS);
    }

    @Override
    public InboxRead read(ChannelAccess channel, String stream, Optional<String> cursor, Instant lookBack, int max) {
        if (!COMMENTS.equals(stream)) {
            throw new IllegalArgumentException("LinkedIn has no inbox stream " + stream);
        }
        if (!LinkedInApi.isOrganization(channel)) {
            return new InboxRead.Failed(new PublishResult.Rejected(PERSONAL_PROFILE, false));
        }
        try {
            OAuth2Tokens tokens = LinkedInApi.tokens(channel, answerTimeout);
            Instant since = cursor.filter(c -> c.matches("\\d{1,18}")).map(Long::parseLong).map(Instant::ofEpochMilli)
                    .orElse(Instant.EPOCH);
            Map<String, Incoming> fresh = new LinkedHashMap<>();
            for (String post : recentPosts(channel, tokens, lookBack)) {
                for (JsonObject comment : comments(channel, tokens, post)) {
                    incoming(post, comment, channel.account())
                            .filter(i -> !i.occurredAt().isBefore(lookBack) && !activity(i).isBefore(since))
                            .ifPresent(i -> fresh.put(i.itemId(), i));
                }
            }
            // Oldest first, so that a reading cut at max goes on from there next time and skips nothing.
            List<Incoming> sorted = fresh.values().stream()
                    .sorted(Comparator.comparing(LinkedInInbox::activity).thenComparing(Incoming::itemId)).toList();
            List<Incoming> kept = sorted.subList(0, Math.min(Math.max(max, 0), sorted.size()));
            Optional<String> next = kept.isEmpty() ? Optional.empty()
                    : Optional.of(String.valueOf(activity(kept.get(kept.size() - 1)).toEpochMilli()));
            return new InboxRead.Page(kept, next, sorted.size() > kept.size());
        } catch (ChannelAccess.MissingCredential e) {
            return new InboxRead.Failed(new PublishResult.Rejected(e.getMessage(), true));
        } catch (Stop stop) {
            return new InboxRead.Failed(stop.result());
        }
    }

    /** The page's posts touched within the look-back, newest first as LinkedIn lists them. */
    private List<String> recentPosts(ChannelAccess channel, OAuth2Tokens tokens, Instant lookBack) {
        List<String> posts = new ArrayList<>();
        for (int page = 0; page < MAX_POST_PAGES; page++) {
            String path = "/rest/posts?author=" + Forms.encode(channel.account()) + "&q=author&count=" + POST_PAGE
                    + "&start=" + page * POST_PAGE + "&sortBy=LAST_MODIFIED";
            NetworkCall call = tokens.send(token -> LinkedInApi.request(channel, path, token, answerTimeout)
                    .header("X-RestLi-Method", "FINDER").GET().build());
            List<JsonObject> found = JsonPaths.objects(answer(call), "elements");
            boolean passedLookBack = false;
            for (JsonObject post : found) {
                Optional<Instant> touched = JsonPaths.number(post, "lastModifiedAt")
                        .or(() -> JsonPaths.number(post, "createdAt")).map(Instant::ofEpochMilli);
                passedLookBack |= touched.filter(t -> t.isBefore(lookBack)).isPresent();
                if (!passedLookBack) {
                    JsonPaths.text(post, "id").ifPresent(posts::add);
                }
            }
            if (passedLookBack || found.size() < POST_PAGE) {
                break;
            }
        }
        return posts;
    }

    /** The post's comments, and those nested under each of them that LinkedIn counts any under. */
    private List<JsonObject> comments(ChannelAccess channel, OAuth2Tokens tokens, String post) {
        List<JsonObject> comments = new ArrayList<>();
        for (JsonObject comment : LinkedInApi.comments(tokens, channel, post, answerTimeout,
                LinkedInInbox::readFailure)) {
            comments.add(comment);
            Optional<String> urn = JsonPaths.text(comment, "commentUrn");
            long nested = JsonPaths.number(comment, "commentsSummary.totalFirstLevelComments")
                    .or(() -> JsonPaths.number(comment, "commentsSummary.aggregatedTotalComments")).orElse(1L);
            if (urn.isPresent() && nested > 0 && JsonPaths.text(comment, "parentComment").isEmpty()) {
                comments.addAll(LinkedInApi.comments(tokens, channel, urn.get(), answerTimeout,
                        LinkedInInbox::readFailure));
            }
        }
        return comments;
    }

    private static JsonObject answer(NetworkCall call) {
        if (!call.succeeded()) {
            throw new Stop(readFailure(call));
        }
        return call.jsonObject().orElseThrow(() -> new Stop(new PublishResult.RetryLater("LinkedIn answered with "
                + "something Herald could not read; it asks again later.")));
    }

    /** A refusal is a permission the channel's sign-in lacks (r_organization_social): connecting again grants it. */
    private static PublishResult readFailure(NetworkCall call) {
        if (call.status() == 403) {
            String said = Optional.ofNullable(LinkedInApi.message(call)).map(m -> " (" + m + ")").orElse("");
            return new PublishResult.Rejected("LinkedIn refused to read the page's comments" + said + ". Reconnect "
                    + "the channel as an administrator of the page to enable the inbox.", false);
        }
        return call.failure(LinkedInApi.message(call));
    }

    /**
     * A comment as an item: its URN is its id; a nested one replies to its top-level comment, under which an answer
     * to it goes too, since LinkedIn nests one level only.
     */
    private static Optional<Incoming> incoming(String post, JsonObject comment, String organization) {
        Optional<String> urn = JsonPaths.text(comment, "commentUrn");
        Optional<String> actor = JsonPaths.text(comment, "actor").or(() -> JsonPaths.text(comment, "created.actor"));
        Optional<Instant> created = JsonPaths.number(comment, "created.time").map(Instant::ofEpochMilli);
        if (urn.isEmpty() || actor.isEmpty() || created.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> parent = JsonPaths.text(comment, "parentComment");
        Instant edited = JsonPaths.number(comment, "lastModified.time").map(Instant::ofEpochMilli)
                .filter(t -> t.isAfter(created.get())).orElse(null);
        ReplyTarget target = new ReplyTarget(urn.get(), Map.of(LinkedInConnector.POST_REF, post,
                LinkedInConnector.COMMENT_REF, parent.orElse(urn.get())));
        InteractionKind kind = parent.isPresent() ? InteractionKind.REPLY : InteractionKind.COMMENT;
        String root = parent.isPresent() ? post : null;
        return Optional.of(new Incoming(urn.get(), kind, new Person(actor.get(), null, null, null, null),
                JsonPaths.text(comment, "message.text").orElse(""), null, LinkedInApi.commentUrl(post, urn.get()),
                null, parent.orElse(post), root, target, null, created.get(), actor.get().equals(organization), false,
                edited));
    }

    /** When a comment was last written: created, or edited since. */
    private static Instant activity(Incoming item) {
        return item.edited().orElse(item.occurredAt());
    }

    @Override
    public Set<Moderation> moderation(InteractionKind kind) {
        return kind == InteractionKind.COMMENT || kind == InteractionKind.REPLY
                ? EnumSet.of(Moderation.DELETE, Moderation.LIKE) : EnumSet.noneOf(Moderation.class);
    }

    @Override
    public Optional<String> moderate(ChannelAccess channel, Moderation action, ReplyTarget target) {
        if (!LinkedInApi.isOrganization(channel)) {
            return Optional.of(PERSONAL_PROFILE);
        }
        try {
            OAuth2Tokens tokens = LinkedInApi.tokens(channel, answerTimeout);
            return switch (action) {
                case HIDE, UNHIDE -> Optional.of("LinkedIn does not let a page hide comments; delete it instead.");
                case DELETE -> delete(channel, tokens, target);
                case LIKE -> like(channel, tokens, target.parentId());
            };
        } catch (ChannelAccess.MissingCredential e) {
            return Optional.of(e.getMessage());
        }
    }

    private Optional<String> delete(ChannelAccess channel, OAuth2Tokens tokens, ReplyTarget target) {
        Optional<String> post = target.ref(LinkedInConnector.POST_REF);
        Optional<String> id = LinkedInApi.commentId(target.parentId());
        if (post.isEmpty() || id.isEmpty()) {
            return Optional.of("Herald does not know where this LinkedIn comment is; delete it on LinkedIn.");
        }
        String path = "/rest/socialActions/" + Forms.encode(post.get()) + "/comments/" + id.get() + "?actor="
                + Forms.encode(channel.account());
        NetworkCall call = tokens.send(token -> LinkedInApi.request(channel, path, token, answerTimeout)
                .DELETE().build());
        // Not found: the comment is gone already, which is what was asked.
        return call.succeeded() || call.status() == 404 ? Optional.empty() : Optional.of(refusal(call));
    }

    private Optional<String> like(ChannelAccess channel, OAuth2Tokens tokens, String comment) {
        JsonObject body = JSON.createObjectBuilder().add("root", comment).add("reactionType", "LIKE").build();
        NetworkCall call = tokens.send(token -> LinkedInApi.request(channel, "/rest/reactions?actor="
                + Forms.encode(channel.account()), token, answerTimeout).header("Content-Type", "application/json")
                .POST(NetworkCall.json(body)).build());
        return call.succeeded() ? Optional.empty() : Optional.of(refusal(call));
    }

    private static String refusal(NetworkCall call) {
        if (call.status() == 403) {
            return "LinkedIn refused" + Optional.ofNullable(LinkedInApi.message(call)).map(m -> " (" + m + ")")
                    .orElse("") + ". Only comments under the page's own posts can be deleted; reconnect the channel "
                    + "as an administrator of the page so that Herald may delete and like comments.";
        }
        return Calls.reason(call.failure(LinkedInApi.message(call)));
    }

    @Override
    public Optional<String> limits() {
        return Optional.of("LinkedIn lets Herald read only the comments under an organization page's own recent "
                + "posts (no mentions or messages) and names commenters by their LinkedIn id; personal profiles have "
                + "no inbox.");
    }
}
