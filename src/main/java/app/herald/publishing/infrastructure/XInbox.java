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
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * X's inbox, read through API v2 with the channel's user token: the account's mentions (replies, quotes and posts that
 * name it), and the replies under its own recent posts that do not name it, found with recent search. X lists newest
 * first and pages backwards down to a since_id; Herald reads down to its cursor and keeps the oldest items when there
 * are more than one reading takes, so that the next reading goes on from there and nothing in between is skipped. X
 * lets the account hide replies in the conversations it started and like posts; nobody may delete another's post.
 */
@ApplicationScoped
public class XInbox implements NetworkInbox {

    static final String MENTIONS = "mentions";
    static final String REPLIES = "replies";
    /** X's largest page. */
    static final int PAGE_SIZE = 100;
    /** X pages mentions back to the 800 newest; this also bounds a search under a post that drew a crowd. */
    static final int MAX_PAGES = 10;
    /** Recent search reaches this far back and refuses a start_time or since_id beyond it. */
    static final Duration SEARCH_REACH = Duration.ofDays(7);
    /** The longest recent-search query the Basic plan takes: the account's conversations are searched in groups. */
    static final int MAX_QUERY_LENGTH = 512;
    private static final Duration SEARCH_MARGIN = Duration.ofMinutes(5);
    private static final String TWEET_FIELDS = "created_at,conversation_id,in_reply_to_user_id,referenced_tweets,"
            + "author_id,lang,edit_history_tweet_ids";
    private static final String USER_FIELDS = "username,name,profile_image_url,public_metrics";
    /** Tweet ids are decimal numbers of up to 19 digits: the longer one is the newer. */
    private static final Comparator<String> BY_AGE = Comparator.comparingInt(String::length)
            .thenComparing(Comparator.naturalOrder());

    private final Duration answerTimeout;

    public XInbox() {
        this(NetworkCall.ANSWER_TIMEOUT);
    }

    XInbox(Duration answerTimeout) {
        this.answerTimeout = answerTimeout;
    }

    @Override
    public Network network() {
        return Network.X;
    }

    @Override
    public List<String> streams() {
        return List.of(MENTIONS, REPLIES);
    }

    /** The cursor is the newest post id taken, X's since_id. */
    @Override
    public InboxRead read(ChannelAccess channel, String stream, Optional<String> cursor, Instant lookBack, int max) {
        try {
            OAuth2Tokens tokens = XApi.tokens(channel, answerTimeout);
            String own = XApi.ownId(channel, tokens, answerTimeout);
            Optional<String> since = cursor.filter(c -> c.matches("\\d{1,19}"));
            Listing found = switch (stream) {
                case MENTIONS -> mentions(channel, tokens, own, since, lookBack);
                case REPLIES -> replies(channel, tokens, own, since, lookBack);
                default -> throw new IllegalArgumentException("X has no inbox stream " + stream);
            };
            return page(found, own, since, lookBack, max);
        } catch (ChannelAccess.MissingCredential e) {
            return new InboxRead.Failed(new PublishResult.Rejected(e.getMessage(), true));
        } catch (Stop stop) {
            return new InboxRead.Failed(stop.result());
        }
    }

    private Listing mentions(ChannelAccess channel, OAuth2Tokens tokens, String own, Optional<String> since,
                             Instant lookBack) {
        Map<String, String> query = withFields(new LinkedHashMap<>());
        since.ifPresentOrElse(id -> query.put("since_id", id), () -> query.put("start_time", iso(lookBack)));
        return list(channel, tokens, "/2/users/" + Forms.encode(own) + "/mentions", query, "pagination_token",
                lookBack);
    }

    /** Replies in the conversations the account's own recent posts started, written by anyone but the account. */
    private Listing replies(ChannelAccess channel, OAuth2Tokens tokens, String own, Optional<String> since,
                            Instant lookBack) {
        Instant reach = Instant.now().minus(SEARCH_REACH).plus(SEARCH_MARGIN);
        Instant from = lookBack.isAfter(reach) ? lookBack : reach;
        Map<String, String> postsQuery = new LinkedHashMap<>();
        postsQuery.put("max_results", String.valueOf(PAGE_SIZE));
        postsQuery.put("exclude", "replies,retweets");
        postsQuery.put("start_time", iso(from));
        postsQuery.put("tweet.fields", "created_at,conversation_id");
        Listing posts = list(channel, tokens, "/2/users/" + Forms.encode(own) + "/tweets", postsQuery,
                "pagination_token", from);
        List<String> conversations = posts.tweets().stream()
                .map(t -> JsonPaths.text(t, "conversation_id").or(() -> JsonPaths.text(t, "id")))
                .flatMap(Optional::stream).filter(id -> id.matches("\\d{1,19}")).distinct().toList();
        // Recent search refuses a since_id older than its reach; the start of its reach does the same work then.
        Optional<String> searchSince = since.filter(id -> XApi.madeAt(id).filter(at -> at.isAfter(reach)).isPresent());
        Listing replies = Listing.empty();
        for (String search : searches(conversations, own)) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("query", search);
            withFields(query);
            searchSince.ifPresentOrElse(id -> query.put("since_id", id), () -> query.put("start_time", iso(from)));
            replies = replies.and(list(channel, tokens, "/2/tweets/search/recent", query, "next_token", from));
        }
        return replies;
    }

    /** As few search queries as fit X's length limit, each naming some of the conversations. */
    static List<String> searches(List<String> conversations, String own) {
        String tail = " is:reply -from:" + own;
        List<String> queries = new ArrayList<>();
        List<String> group = new ArrayList<>();
        for (String id : conversations) {
            group.add("conversation_id:" + id);
            if (group.size() > 1 && search(group, tail).length() > MAX_QUERY_LENGTH) {
                group.remove(group.size() - 1);
                queries.add(search(group, tail));
                group = new ArrayList<>(List.of("conversation_id:" + id));
            }
        }
        if (!group.isEmpty()) {
            queries.add(search(group, tail));
        }
        return queries;
    }

    private static String search(List<String> group, String tail) {
        return (group.size() == 1 ? group.get(0) : "(" + String.join(" OR ", group) + ")") + tail;
    }

    private static Map<String, String> withFields(Map<String, String> query) {
        query.put("max_results", String.valueOf(PAGE_SIZE));
        query.put("tweet.fields", TWEET_FIELDS);
        query.put("expansions", "author_id");
        query.put("user.fields", USER_FIELDS);
        return query;
    }

    /** Every page of a listing, newest first, until X has no more or the pages pass the look-back. */
    private Listing list(ChannelAccess channel, OAuth2Tokens tokens, String path, Map<String, String> query,
                         String pageParameter, Instant lookBack) {
        Listing listing = Listing.empty();
        Optional<String> next = Optional.empty();
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, String> parameters = new LinkedHashMap<>(query);
            next.ifPresent(n -> parameters.put(pageParameter, n));
            String pathAndQuery = path + "?" + queryString(parameters);
            NetworkCall call = tokens.send(token -> XApi.request(channel, pathAndQuery, token, answerTimeout)
                    .GET().build());
            if (!call.succeeded()) {
                throw new Stop(readFailure(call));
            }
            JsonObject answer = call.jsonObject().orElseThrow(() -> new Stop(new PublishResult.RetryLater(
                    "X answered with something Herald could not read; it reads the inbox again later.")));
            Listing found = Listing.of(answer);
            listing = listing.and(found);
            next = JsonPaths.text(answer, "meta.next_token");
            if (next.isEmpty() || found.tweets().stream().anyMatch(t -> createdAt(t).isBefore(lookBack))) {
                return listing;
            }
        }
        return listing.cut();
    }

    /** Oldest first after the cursor, at most {@code max}; the cursor moves to the newest one taken. */
    private static InboxRead.Page page(Listing found, String own, Optional<String> since, Instant lookBack, int max) {
        Map<String, JsonObject> fresh = new TreeMap<>(BY_AGE);
        for (JsonObject tweet : found.tweets()) {
            Optional<String> id = JsonPaths.text(tweet, "id").filter(i -> i.matches("\\d{1,19}"));
            boolean after = id.isPresent() && since.map(s -> BY_AGE.compare(id.get(), s) > 0).orElse(true);
            if (after && JsonPaths.text(tweet, "author_id").isPresent() && !createdAt(tweet).isBefore(lookBack)) {
                fresh.put(id.get(), tweet);
            }
        }
        List<JsonObject> kept = fresh.values().stream().limit(Math.max(max, 0)).toList();
        List<Incoming> items = kept.stream().map(t -> incoming(t, found.users(), own)).toList();
        Optional<String> next = kept.isEmpty() ? Optional.empty() : JsonPaths.text(kept.get(kept.size() - 1), "id");
        return new InboxRead.Page(items, next, fresh.size() > kept.size() || !found.complete());
    }

    private static Incoming incoming(JsonObject tweet, Map<String, JsonObject> users, String own) {
        String id = JsonPaths.text(tweet, "id").orElseThrow();
        // An edit is a new post with a new id; the first id of its history names the item across its versions.
        String original = JsonPaths.at(tweet, "edit_history_tweet_ids")
                .filter(v -> v.getValueType() == JsonValue.ValueType.ARRAY).map(JsonValue::asJsonArray)
                .filter(a -> !a.isEmpty() && a.get(0).getValueType() == JsonValue.ValueType.STRING)
                .map(a -> a.getString(0)).orElse(id);
        boolean edited = !original.equals(id);
        Instant created = createdAt(tweet);
        String author = JsonPaths.text(tweet, "author_id").orElseThrow();
        Optional<String> repliedTo = XApi.referenced(tweet, "replied_to");
        Optional<String> quoted = XApi.referenced(tweet, "quoted");
        String parent = repliedTo.or(() -> quoted).orElse(null);
        String root = JsonPaths.text(tweet, "conversation_id")
                .filter(c -> !c.equals(parent) && !c.equals(id) && !c.equals(original)).orElse(null);
        return new Incoming(original, kind(tweet, own), person(author, users.get(author)),
                PostText.unescape(JsonPaths.text(tweet, "text").orElse("")), language(tweet), XApi.url(id), null,
                parent, root, ReplyTarget.of(id), null, edited ? XApi.madeAt(original).orElse(created) : created,
                author.equals(own), false, edited ? created : null);
    }

    /** An answer to the account's post (or to its own answer) comments on it; an answer to anyone else replies. */
    private static InteractionKind kind(JsonObject tweet, String own) {
        if (XApi.referenced(tweet, "replied_to").isPresent()) {
            return JsonPaths.text(tweet, "in_reply_to_user_id").filter(own::equals).isPresent()
                    ? InteractionKind.COMMENT : InteractionKind.REPLY;
        }
        return XApi.referenced(tweet, "quoted").isPresent() ? InteractionKind.QUOTE : InteractionKind.MENTION;
    }

    private static Person person(String id, JsonObject user) {
        if (user == null) {
            return new Person(id, null, null, null, null);
        }
        return new Person(id, JsonPaths.text(user, "username").orElse(null), JsonPaths.text(user, "name").orElse(null),
                JsonPaths.text(user, "profile_image_url").orElse(null),
                JsonPaths.number(user, "public_metrics.followers_count").orElse(null));
    }

    /** X's own codes for "no language" (und, zxx) and for posts of only media, hashtags or links (qme, qht...). */
    private static String language(JsonObject tweet) {
        return JsonPaths.text(tweet, "lang").filter(l -> !l.equals("und") && !l.equals("zxx") && !l.startsWith("q"))
                .orElse(null);
    }

    private static Instant createdAt(JsonObject tweet) {
        Optional<String> at = JsonPaths.text(tweet, "created_at");
        try {
            if (at.isPresent()) {
                return Instant.parse(at.get());
            }
        } catch (DateTimeParseException e) {
            // The id says when the post was made as well.
        }
        return JsonPaths.text(tweet, "id").flatMap(XApi::madeAt).orElse(Instant.EPOCH);
    }

    /** A refusal other than the plan's is a scope the channel's sign-in lacks: connecting again grants it. */
    private static PublishResult readFailure(NetworkCall call) {
        if (call.status() == 403 && !XApi.planTooSmall(call)) {
            String said = Optional.ofNullable(XApi.message(call)).map(m -> " (" + m + ")").orElse("");
            return new PublishResult.Rejected("X refused to read the inbox" + said + ". Reconnect the channel to "
                    + "enable the inbox.", false);
        }
        return XApi.failure(call);
    }

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
            OAuth2Tokens tokens = XApi.tokens(channel, answerTimeout);
            return switch (action) {
                case HIDE, UNHIDE -> hide(channel, tokens, target.parentId(), action == Moderation.HIDE);
                case LIKE -> like(channel, tokens, XApi.ownId(channel, tokens, answerTimeout), target.parentId());
                case DELETE -> Optional.of("X lets no account delete another person's post; hide the reply instead.");
            };
        } catch (ChannelAccess.MissingCredential e) {
            return Optional.of(e.getMessage());
        } catch (Stop stop) {
            return Optional.of(Calls.reason(stop.result()));
        }
    }

    private Optional<String> hide(ChannelAccess channel, OAuth2Tokens tokens, String id, boolean hidden) {
        JsonObject body = JSON.createObjectBuilder().add("hidden", hidden).build();
        NetworkCall call = tokens.send(token -> XApi.request(channel, "/2/tweets/" + Forms.encode(id) + "/hidden",
                token, answerTimeout).header("Content-Type", "application/json").PUT(NetworkCall.json(body)).build());
        return confirmed(call, "data.hidden", hidden, hidden ? "hidden" : "shown again", "Only replies in "
                + "conversations the account started can be hidden; if this is one, reconnect the channel so that "
                + "Herald may hide replies.");
    }

    private Optional<String> like(ChannelAccess channel, OAuth2Tokens tokens, String own, String id) {
        JsonObject body = JSON.createObjectBuilder().add("tweet_id", id).build();
        NetworkCall call = tokens.send(token -> XApi.request(channel, "/2/users/" + Forms.encode(own) + "/likes",
                token, answerTimeout).header("Content-Type", "application/json").POST(NetworkCall.json(body)).build());
        return confirmed(call, "data.liked", true, "liked", "Reconnect the channel so that Herald may like posts.");
    }

    /** Done when X answers with the state asked for; X's refusal in words otherwise. */
    private static Optional<String> confirmed(NetworkCall call, String path, boolean wanted, String done,
                                              String whenRefused) {
        if (call.status() == 403 && !XApi.planTooSmall(call)) {
            return Optional.of("X refused" + Optional.ofNullable(XApi.message(call)).map(m -> " (" + m + ")")
                    .orElse("") + ". " + whenRefused);
        }
        if (!call.succeeded()) {
            return Optional.of(Calls.reason(XApi.failure(call)));
        }
        JsonValue expected = wanted ? JsonValue.TRUE : JsonValue.FALSE;
        return call.jsonObject().flatMap(o -> JsonPaths.at(o, path)).filter(expected::equals).isPresent()
                ? Optional.empty() : Optional.of("X answered without confirming that the post was " + done + ".");
    }

    @Override
    public Optional<String> limits() {
        return Optional.of("X's inbox needs an X API plan that includes reading (Basic or higher; the Free plan "
                + "cannot read at all), and replies under the client's posts that do not mention it are found with "
                + "recent search, which covers only the last 7 days.");
    }

    private static String iso(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Spaces as %20, as X's own examples write them, rather than trusting every endpoint to read "+" as one. */
    private static String queryString(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> Forms.encode(e.getKey()) + "="
                + Forms.encode(e.getValue()).replace("+", "%20")).collect(Collectors.joining("&"));
    }

    /** Posts and their authors gathered over the pages of X's listings; not complete when the page limit cut it. */
    private record Listing(List<JsonObject> tweets, Map<String, JsonObject> users, boolean complete) {

        static Listing empty() {
            return new Listing(List.of(), Map.of(), true);
        }

        static Listing of(JsonObject answer) {
            Map<String, JsonObject> users = new HashMap<>();
            for (JsonObject user : JsonPaths.objects(answer, "includes.users")) {
                JsonPaths.text(user, "id").ifPresent(id -> users.put(id, user));
            }
            // No "data" at all is X's way of saying nothing matched.
            return new Listing(JsonPaths.objects(answer, "data"), users, true);
        }

        Listing and(Listing more) {
            List<JsonObject> tweets = new ArrayList<>(this.tweets);
            tweets.addAll(more.tweets);
            Map<String, JsonObject> users = new HashMap<>(this.users);
            users.putAll(more.users);
            return new Listing(tweets, users, complete && more.complete);
        }

        Listing cut() {
            return new Listing(tweets, users, false);
        }
    }
}
