package app.herald.publishing.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.publishing.domain.ChannelAccess;
import app.herald.publishing.domain.InboxRead;
import app.herald.publishing.domain.Incoming;
import app.herald.publishing.domain.InteractionKind;
import app.herald.publishing.domain.Moderation;
import app.herald.publishing.domain.Person;
import app.herald.publishing.domain.PublishResult;
import app.herald.publishing.domain.ReplyTarget;
import app.herald.testsupport.FakeNetwork;
import app.herald.testsupport.FakeNetwork.Answer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** X API v2's mentions, user timeline, recent search, hide-replies and likes (docs.x.com), played on loopback. */
class XInboxTest {

    private static final String OWN = "2244994945";
    private static final String MENTIONS = "/2/users/" + OWN + "/mentions";
    private static final Instant LOOK_BACK = Instant.parse("2024-05-01T00:00:00Z");
    private static final String TWEET_FIELDS = "created_at,conversation_id,in_reply_to_user_id,referenced_tweets,"
            + "author_id,lang,edit_history_tweet_ids";
    private static final String USER_FIELDS = "username,name,profile_image_url,public_metrics";
    private static final String USERS = """
            "includes": {"users": [
              {"id": "111", "username": "ana", "name": "Ana Lima", "profile_image_url": "https://pbs.twimg.com/ana.jpg",
               "public_metrics": {"followers_count": 42, "following_count": 7, "tweet_count": 300, "listed_count": 1}},
              {"id": "222", "username": "bo", "name": "Bo", "profile_image_url": "https://pbs.twimg.com/bo.jpg",
               "public_metrics": {"followers_count": 5}},
              {"id": "2244994945", "username": "herald", "name": "Herald",
               "public_metrics": {"followers_count": 9000}}]}""";

    private final FakeNetwork network = new FakeNetwork();
    private final XInbox inbox = new XInbox(Duration.ofMillis(800));

    @AfterEach
    void tearDown() {
        network.close();
    }

    private ChannelAccess channel(Map<String, String> changes) {
        Map<String, String> credentials = new HashMap<>(Map.of(
                "access_token", "tok-1", "refresh_token", "ref-1", "account_id", OWN,
                "expires_at", String.valueOf(Instant.now().plusSeconds(3600).getEpochSecond()),
                "app_client_id", "client-1", "app_client_secret", "secret-1",
                "app_token_url", network.baseUrl() + "/2/oauth2/token"));
        credentials.putAll(changes);
        credentials.values().removeIf(String::isEmpty);
        return new ChannelAccess(5, network.baseUrl(), OWN, credentials);
    }

    private ChannelAccess channel() {
        return channel(Map.of());
    }

    /** A post as X returns it with the fields Herald asks for; {@code more} is extra JSON members, may be empty. */
    private static String tweet(String id, String author, String createdAt, String text, String more) {
        return """
                {"id": "%s", "author_id": "%s", "created_at": "%s", "text": "%s", "lang": "en",
                 "conversation_id": "%s", "edit_history_tweet_ids": ["%s"]%s}"""
                .formatted(id, author, createdAt, text, id, id, more.isEmpty() ? "" : ", " + more);
    }

    private static String listing(String next, String... tweets) {
        return "{\"data\": [" + String.join(", ", tweets) + "], " + USERS + ", \"meta\": {\"result_count\": "
                + tweets.length + (next == null ? "" : ", \"next_token\": \"" + next + "\"") + "}}";
    }

    private static Map<String, String> query(FakeNetwork.Received request) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : request.query().split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static Map<String, String> fields(String... more) {
        Map<String, String> fields = new HashMap<>(Map.of("max_results", "100", "tweet.fields", TWEET_FIELDS,
                "expansions", "author_id", "user.fields", USER_FIELDS));
        for (int i = 0; i < more.length; i += 2) {
            fields.put(more[i], more[i + 1]);
        }
        return fields;
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static InboxRead.Page page(InboxRead read) {
        return assertInstanceOf(InboxRead.Page.class, read);
    }

    private static List<String> ids(InboxRead.Page page) {
        return page.items().stream().map(Incoming::itemId).toList();
    }

    /** A tweet id X could have made at that instant (a snowflake: milliseconds since X's epoch, shifted). */
    private static String idAt(Instant at) {
        return String.valueOf((at.toEpochMilli() - 1288834974657L) << 22);
    }

    @Test
    void theFirstReadingPagesBackToTheLookBackAndHandsTheItemsOverOldestFirst() {
        network.on("GET", MENTIONS, r -> r.query().contains("pagination_token=")
                ? Answer.json(200, listing("b26v89c19zqg8o3fpds", tweet("1790000000000000250", "111",
                        "2024-05-05T10:00:00.000Z", "@herald hi", ""), tweet("1790000000000000050", "222",
                        "2024-04-20T10:00:00.000Z", "@herald too old", "")))
                : Answer.json(200, listing("7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i",
                        tweet("1790000000000000400", "111", "2024-05-10T10:00:00.000Z", "@herald new", ""),
                        tweet("1790000000000000300", "222", "2024-05-09T10:00:00.000Z", "@herald newer", ""))));

        InboxRead.Page page = page(inbox.read(channel(), "mentions", Optional.empty(), LOOK_BACK, 500));

        assertEquals(List.of("1790000000000000250", "1790000000000000300", "1790000000000000400"), ids(page));
        assertEquals(Optional.of("1790000000000000400"), page.cursor());
        assertFalse(page.truncated());
        List<FakeNetwork.Received> sent = network.received("GET", MENTIONS);
        assertEquals(2, sent.size(), "the page that passed the look-back is the last one asked for");
        assertEquals(fields("start_time", "2024-05-01T00:00:00Z"), query(sent.get(0)));
        assertEquals(fields("start_time", "2024-05-01T00:00:00Z",
                "pagination_token", "7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i"), query(sent.get(1)));
        assertEquals("Bearer tok-1", sent.get(0).header("Authorization"));
        assertTrue(sent.get(0).query().contains("start_time=2024-05-01T00%3A00%3A00Z"), sent.get(0).query());
    }

    @Test
    void aLaterReadingAsksForWhatCameSinceTheCursorOverEveryPage() {
        network.on("GET", MENTIONS, r -> r.query().contains("pagination_token=page2")
                ? Answer.json(200, listing(null, tweet("1790000000000000600", "222", "2024-05-11T09:00:00.000Z",
                        "@herald first", "")))
                : Answer.json(200, listing("page2", tweet("1790000000000000700", "111", "2024-05-11T10:00:00.000Z",
                        "@herald second", ""))));

        InboxRead.Page page = page(inbox.read(channel(), "mentions", Optional.of("1790000000000000400"), LOOK_BACK,
                500));

        assertEquals(List.of("1790000000000000600", "1790000000000000700"), ids(page));
        assertEquals(Optional.of("1790000000000000700"), page.cursor());
        List<FakeNetwork.Received> sent = network.received("GET", MENTIONS);
        assertEquals(fields("since_id", "1790000000000000400"), query(sent.get(0)));
        assertEquals(fields("since_id", "1790000000000000400", "pagination_token", "page2"), query(sent.get(1)));
    }

    @Test
    void nothingNewKeepsTheCursor() {
        network.on("GET", MENTIONS, Answer.json(200, "{\"meta\": {\"result_count\": 0}}"));

        InboxRead.Page page = page(inbox.read(channel(), "mentions", Optional.of("1790000000000000400"), LOOK_BACK,
                500));

        assertEquals(List.of(), page.items());
        assertEquals(Optional.empty(), page.cursor());
    }

    @Test
    void moreThanOneReadingTakesKeepsTheOldestAndGoesOnFromTheLastOneTaken() {
        network.on("GET", MENTIONS, Answer.json(200, listing(null,
                tweet("1790000000000000900", "111", "2024-05-12T10:00:00.000Z", "c", ""),
                tweet("1790000000000000800", "111", "2024-05-11T10:00:00.000Z", "b", ""),
                tweet("1790000000000000700", "111", "2024-05-10T10:00:00.000Z", "a", ""))));

        InboxRead.Page page = page(inbox.read(channel(), "mentions", Optional.of("1790000000000000400"), LOOK_BACK,
                2));

        assertEquals(List.of("1790000000000000700", "1790000000000000800"), ids(page));
        assertEquals(Optional.of("1790000000000000800"), page.cursor());
        assertTrue(page.truncated());
    }

    @Test
    void kindsAuthorsAndThreadsAreReadFromTheReferencedPosts() {
        network.on("GET", MENTIONS, Answer.json(200, listing(null,
                tweet("1790000000000000010", "111", "2024-05-02T10:00:00.000Z", "Hey @herald, Tom &amp; Jerry &lt;3",
                        ""),
                tweet("1790000000000000020", "222", "2024-05-03T10:00:00.000Z", "@herald agreed",
                        "\"in_reply_to_user_id\": \"2244994945\", \"referenced_tweets\": [{\"type\": \"replied_to\","
                                + " \"id\": \"1790000000000000001\"}]")
                        .replace("\"conversation_id\": \"1790000000000000020\"",
                                "\"conversation_id\": \"1790000000000000001\"")
                        .replace("\"lang\": \"en\"", "\"lang\": \"qme\""),
                tweet("1790000000000000030", "111", "2024-05-04T10:00:00.000Z", "@bo @herald not at all",
                        "\"in_reply_to_user_id\": \"222\", \"referenced_tweets\": [{\"type\": \"replied_to\","
                                + " \"id\": \"1790000000000000020\"}]")
                        .replace("\"conversation_id\": \"1790000000000000030\"",
                                "\"conversation_id\": \"1790000000000000001\""),
                tweet("1790000000000000040", "222", "2024-05-05T10:00:00.000Z", "Look what @herald did",
                        "\"referenced_tweets\": [{\"type\": \"quoted\", \"id\": \"1790000000000000001\"}]"))));

        List<Incoming> items = page(inbox.read(channel(), "mentions", Optional.empty(), LOOK_BACK, 500)).items();

        Incoming mention = items.get(0);
        assertEquals(InteractionKind.MENTION, mention.kind());
        assertEquals(new Person("111", "ana", "Ana Lima", "https://pbs.twimg.com/ana.jpg", 42L), mention.author());
        assertEquals("Hey @herald, Tom & Jerry <3", mention.text());
        assertEquals("en", mention.language());
        assertEquals("https://x.com/i/web/status/1790000000000000010", mention.url());
        assertEquals(Instant.parse("2024-05-02T10:00:00Z"), mention.occurredAt());
        assertEquals(Optional.empty(), mention.parent());
        assertEquals(ReplyTarget.of("1790000000000000010"), mention.replyTarget());
        assertFalse(mention.fromChannel());
        assertNull(mention.editedAt());

        Incoming comment = items.get(1);
        assertEquals(InteractionKind.COMMENT, comment.kind());
        assertEquals(Optional.of("1790000000000000001"), comment.parent());
        assertEquals(Optional.empty(), comment.root(), "the client's post is the parent and the root at once");
        assertNull(comment.language(), "qme is X's code for a post of media only, not a language");

        Incoming reply = items.get(2);
        assertEquals(InteractionKind.REPLY, reply.kind());
        assertEquals(Optional.of("1790000000000000020"), reply.parent());
        assertEquals(Optional.of("1790000000000000001"), reply.root());

        Incoming quote = items.get(3);
        assertEquals(InteractionKind.QUOTE, quote.kind());
        assertEquals(Optional.of("1790000000000000001"), quote.parent());
        assertEquals(4, items.size());
    }

    @Test
    void anEditedPostKeepsTheIdOfItsFirstVersionAndSaysWhenItWasEdited() {
        Instant written = Instant.parse("2024-05-06T08:00:00Z");
        String first = idAt(written);
        String latest = idAt(written.plus(Duration.ofMinutes(20)));
        network.on("GET", MENTIONS, Answer.json(200, listing(null, tweet(latest, "111", "2024-05-06T08:20:00.000Z",
                "@herald fixed typo", "").replace("\"edit_history_tweet_ids\": [\"" + latest + "\"]",
                "\"edit_history_tweet_ids\": [\"" + first + "\", \"" + latest + "\"]"))));

        Incoming edited = page(inbox.read(channel(), "mentions", Optional.empty(), LOOK_BACK, 500)).items().get(0);

        assertEquals(first, edited.itemId());
        assertEquals(written, edited.occurredAt());
        assertEquals(Instant.parse("2024-05-06T08:20:00Z"), edited.editedAt());
        assertEquals("@herald fixed typo", edited.text());
        assertEquals(ReplyTarget.of(latest), edited.replyTarget(), "an answer goes under the version people see");
        assertFalse(edited.deleted());
    }

    @Test
    void theChannelsOwnAnswerComesBackMarkedAsItsOwn() {
        network.on("GET", MENTIONS, Answer.json(200, listing(null, tweet("1790000000000000050", OWN,
                "2024-05-06T08:00:00.000Z", "@herald @ana thanks, fixed!",
                "\"in_reply_to_user_id\": \"111\", \"referenced_tweets\": [{\"type\": \"replied_to\","
                        + " \"id\": \"1790000000000000010\"}]"))));

        Incoming own = page(inbox.read(channel(), "mentions", Optional.empty(), LOOK_BACK, 500)).items().get(0);

        assertTrue(own.fromChannel());
        assertEquals("herald", own.author().handle());
    }

    @Test
    void aRateLimitWaitsUntilXsReset() {
        long reset = Instant.now().getEpochSecond() + 300;
        network.on("GET", MENTIONS, Answer.json(429, "{\"title\": \"Too Many Requests\", \"detail\": \"Too Many "
                + "Requests\", \"type\": \"about:blank\", \"status\": 429}")
                .withHeader("x-rate-limit-reset", String.valueOf(reset)).withHeader("x-rate-limit-remaining", "0"));

        InboxRead.Failed failed = assertInstanceOf(InboxRead.Failed.class,
                inbox.read(channel(), "mentions", Optional.empty(), LOOK_BACK, 500));

        Duration wait = assertInstanceOf(PublishResult.RetryLater.class, failed.why()).retryAfter();
        assertTrue(wait.toSeconds() >= 295 && wait.toSeconds() <= 300, wait.toString());
    }

    @Test
    void aTokenRefusedEvenAfterRenewalAsksForReconnection() {
        network.on("GET", MENTIONS, Answer.json(401, "{\"title\": \"Unauthorized\", \"type\": \"about:blank\","
                + " \"status\": 401, \"detail\": \"Unauthorized\"}"));
        network.on("POST", "/2/oauth2/token", Answer.json(200, "{\"token_type\": \"bearer\", \"expires_in\": 7200,"
                + " \"access_token\": \"tok-2\", \"refresh_token\": \"ref-2\"}"));

        InboxRead.Failed failed = assertInstanceOf(InboxRead.Failed.class,
                inbox.read(channel(), "mentions", Optional.empty(), LOOK_BACK, 500));

        PublishResult.Rejected rejected = assertInstanceOf(PublishResult.Rejected.class, failed.why());
        assertTrue(rejected.reconnect());
        List<FakeNetwork.Received> sent = network.received("GET", MENTIONS);
        assertEquals(List.of("Bearer tok-1", "Bearer tok-2"),
                sent.stream().map(r -> r.header("Authorization")).toList());
    }

    @Test
    void anApiPlanWithoutReadingIsNamedAndReconnectingWouldNotHelp() {
        network.on("GET", MENTIONS, Answer.json(403, """
                {"client_id": "27512824", "detail": "When authenticating requests to the Twitter API v2 endpoints, you \
                must use keys and tokens from a Twitter developer App that is attached to a Project. You can create a \
                project via the developer portal.",
                 "registration_url": "https://developer.twitter.com/en/docs/projects/overview",
                 "title": "Client Forbidden", "required_enrollment": "Appropriate Level of API Access",
                 "reason": "client-not-enrolled", "type": "https://api.twitter.com/2/problems/client-forbidden"}"""));

        InboxRead.Failed failed = assertInstanceOf(InboxRead.Failed.class,
                inbox.read(channel(), "mentions", Optional.empty(), LOOK_BACK, 500));

        PublishResult.Rejected rejected = assertInstanceOf(PublishResult.Rejected.class, failed.why());
        assertFalse(rejected.reconnect());
        assertTrue(rejected.reason().contains("Free plan") && rejected.reason().contains("Basic"), rejected.reason());
    }

    @Test
    void aMissingScopeAsksToReconnectForTheInbox() {
        network.on("GET", MENTIONS, Answer.json(403, "{\"title\": \"Forbidden\", \"type\": \"about:blank\","
                + " \"status\": 403, \"detail\": \"Forbidden\"}"));

        PublishResult.Rejected rejected = assertInstanceOf(PublishResult.Rejected.class, assertInstanceOf(
                InboxRead.Failed.class, inbox.read(channel(), "mentions", Optional.empty(), LOOK_BACK, 500)).why());

        assertFalse(rejected.reconnect());
        assertTrue(rejected.reason().endsWith("Reconnect the channel to enable the inbox."), rejected.reason());
    }

    @Test
    void repliesUnderTheAccountsRecentPostsAreSearchedConversationByConversation() {
        Instant now = Instant.now();
        Instant lookBack = now.minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        String postA = idAt(now.minus(Duration.ofDays(2)));
        String postB = idAt(now.minus(Duration.ofDays(1)));
        String reply = idAt(now.minus(Duration.ofHours(20)));
        String deeper = idAt(now.minus(Duration.ofHours(10)));
        network.on("GET", "/2/users/" + OWN + "/tweets", Answer.json(200, """
                {"data": [{"id": "%s", "text": "Our launch", "created_at": "%s", "conversation_id": "%s",
                           "edit_history_tweet_ids": ["%s"]},
                          {"id": "%s", "text": "Our roadmap", "created_at": "%s", "conversation_id": "%s",
                           "edit_history_tweet_ids": ["%s"]}],
                 "meta": {"result_count": 2, "newest_id": "%s", "oldest_id": "%s"}}"""
                .formatted(postB, now.minus(Duration.ofDays(1)), postB, postB, postA, now.minus(Duration.ofDays(2)),
                        postA, postA, postB, postA)));
        network.on("GET", "/2/tweets/search/recent", r -> r.query().contains("next_token=")
                ? Answer.json(200, listing(null, tweet(deeper, "111", now.minus(Duration.ofHours(10)).toString(),
                        "No it is not", "\"in_reply_to_user_id\": \"222\", \"referenced_tweets\": [{\"type\": "
                                + "\"replied_to\", \"id\": \"" + reply + "\"}]")
                        .replace("\"conversation_id\": \"" + deeper + "\"", "\"conversation_id\": \"" + postA + "\"")))
                : Answer.json(200, listing("b26v89c19zqg8o3fpdm", tweet(reply, "222",
                        now.minus(Duration.ofHours(20)).toString(), "Great launch", "\"in_reply_to_user_id\": \""
                                + OWN + "\", \"referenced_tweets\": [{\"type\": \"replied_to\", \"id\": \"" + postA
                                + "\"}]").replace("\"conversation_id\": \"" + reply + "\"",
                        "\"conversation_id\": \"" + postA + "\""))));

        InboxRead.Page page = page(inbox.read(channel(), "replies", Optional.empty(), lookBack, 500));

        assertEquals(List.of(reply, deeper), ids(page));
        assertEquals(InteractionKind.COMMENT, page.items().get(0).kind());
        assertEquals(InteractionKind.REPLY, page.items().get(1).kind());
        assertEquals(Optional.of(postA), page.items().get(1).root());
        assertEquals(Optional.of(deeper), page.cursor());
        assertEquals(Map.of("max_results", "100", "exclude", "replies,retweets", "start_time", lookBack.toString(),
                "tweet.fields", "created_at,conversation_id"), query(network.received("GET", "/2/users/" + OWN
                + "/tweets").get(0)));
        List<FakeNetwork.Received> searches = network.received("GET", "/2/tweets/search/recent");
        assertEquals(2, searches.size());
        String wanted = "(conversation_id:" + postB + " OR conversation_id:" + postA + ") is:reply -from:" + OWN;
        assertEquals(fields("query", wanted, "start_time", lookBack.toString()), query(searches.get(0)));
        assertEquals(fields("query", wanted, "start_time", lookBack.toString(), "next_token", "b26v89c19zqg8o3fpdm"),
                query(searches.get(1)));
        assertTrue(searches.get(0).query().contains("%20OR%20"), "spaces travel as %20: " + searches.get(0).query());
    }

    @Test
    void recentSearchGetsTheCursorOnlyWhileItIsWithinItsSevenDays() {
        Instant now = Instant.now();
        String post = idAt(now.minus(Duration.ofDays(1)));
        network.on("GET", "/2/users/" + OWN + "/tweets", Answer.json(200, "{\"data\": [{\"id\": \"" + post + "\","
                + " \"text\": \"Hello\", \"conversation_id\": \"" + post + "\"}], \"meta\": {\"result_count\": 1}}"));
        network.on("GET", "/2/tweets/search/recent", Answer.json(200, "{\"meta\": {\"result_count\": 0}}"));
        String recent = idAt(now.minus(Duration.ofDays(2)));
        String stale = idAt(now.minus(Duration.ofDays(9)));
        Instant lookBack = now.minus(Duration.ofDays(14));

        page(inbox.read(channel(), "replies", Optional.of(recent), lookBack, 500));
        page(inbox.read(channel(), "replies", Optional.of(stale), lookBack, 500));

        List<FakeNetwork.Received> searches = network.received("GET", "/2/tweets/search/recent");
        assertEquals(recent, query(searches.get(0)).get("since_id"));
        assertFalse(query(searches.get(1)).containsKey("since_id"));
        Instant start = Instant.parse(query(searches.get(1)).get("start_time"));
        assertTrue(start.isAfter(now.minus(Duration.ofDays(7))) && start.isBefore(now.minus(Duration.ofDays(6))),
                start.toString());
        Instant ownPostsFrom = Instant.parse(query(network.received("GET", "/2/users/" + OWN + "/tweets").get(0))
                .get("start_time"));
        assertTrue(ownPostsFrom.isAfter(now.minus(Duration.ofDays(7))), "older posts cannot be searched under");
    }

    @Test
    void searchQueriesStayWithinXsLengthAndNameEveryConversation() {
        List<String> conversations = IntStream.range(0, 40).mapToObj(i -> String.valueOf(1790000000000000000L + i))
                .toList();

        List<String> queries = XInbox.searches(conversations, OWN);

        assertTrue(queries.size() > 1);
        queries.forEach(q -> assertTrue(q.length() <= XInbox.MAX_QUERY_LENGTH && q.endsWith(" is:reply -from:" + OWN),
                q));
        conversations.forEach(c -> assertEquals(1, queries.stream().filter(q -> q.contains("conversation_id:" + c))
                .count(), c));
        assertEquals(List.of("conversation_id:7 is:reply -from:" + OWN), XInbox.searches(List.of("7"), OWN));
    }

    @Test
    void noRecentPostsMeansNoSearch() {
        network.on("GET", "/2/users/" + OWN + "/tweets", Answer.json(200, "{\"meta\": {\"result_count\": 0}}"));

        InboxRead.Page page = page(inbox.read(channel(), "replies", Optional.empty(),
                Instant.now().minus(Duration.ofDays(14)), 500));

        assertEquals(List.of(), page.items());
        assertTrue(network.received("GET", "/2/tweets/search/recent").isEmpty());
    }

    @Test
    void aReplyIsHiddenAndShownAgainWithXsHideRepliesEndpoint() {
        network.on("PUT", "/2/tweets/1790000000000000020/hidden", r -> Answer.json(200,
                "{\"data\": {\"hidden\": " + json(r.text()).getBoolean("hidden") + "}}"));

        assertEquals(Optional.empty(), inbox.moderate(channel(), Moderation.HIDE,
                ReplyTarget.of("1790000000000000020")));
        assertEquals(Optional.empty(), inbox.moderate(channel(), Moderation.UNHIDE,
                ReplyTarget.of("1790000000000000020")));

        List<FakeNetwork.Received> sent = network.received("PUT", "/2/tweets/1790000000000000020/hidden");
        assertEquals(json("{\"hidden\": true}"), json(sent.get(0).text()));
        assertEquals(json("{\"hidden\": false}"), json(sent.get(1).text()));
        assertEquals("Bearer tok-1", sent.get(0).header("Authorization"));
        assertTrue(sent.get(0).header("Content-Type").startsWith("application/json"));
    }

    @Test
    void hidingOutsideTheAccountsConversationsIsRefusedInWords() {
        network.on("PUT", "/2/tweets/1790000000000000030/hidden", Answer.json(403, "{\"title\": \"Forbidden\","
                + " \"type\": \"about:blank\", \"status\": 403, \"detail\": \"You attempted to hide a Tweet you cannot"
                + " hide. Please try again.\"}"));

        Optional<String> refusal = inbox.moderate(channel(), Moderation.HIDE, ReplyTarget.of("1790000000000000030"));

        assertTrue(refusal.isPresent() && refusal.get().contains("cannot hide")
                && refusal.get().contains("conversations the account started"), refusal.toString());
    }

    @Test
    void aPostIsLikedAsTheAccountAndNothingIsDeleted() {
        network.on("POST", "/2/users/" + OWN + "/likes", Answer.json(200, "{\"data\": {\"liked\": true}}"));

        assertEquals(Optional.empty(), inbox.moderate(channel(), Moderation.LIKE,
                ReplyTarget.of("1790000000000000040")));
        Optional<String> delete = inbox.moderate(channel(), Moderation.DELETE, ReplyTarget.of("1790000000000000040"));

        assertEquals(json("{\"tweet_id\": \"1790000000000000040\"}"),
                json(network.received("POST", "/2/users/" + OWN + "/likes").get(0).text()));
        assertTrue(delete.isPresent());
        assertEquals(1, network.received().size(), "deleting asks nothing of X");
    }

    @Test
    void anAccountWithoutAStoredIdIsAskedForIt() {
        network.on("GET", "/2/users/me", Answer.json(200,
                "{\"data\": {\"id\": \"" + OWN + "\", \"username\": \"herald\"}}"));
        network.on("POST", "/2/users/" + OWN + "/likes", Answer.json(200, "{\"data\": {\"liked\": true}}"));
        ChannelAccess handleOnly = new ChannelAccess(5, network.baseUrl(), "@herald", Map.of("access_token", "tok-1"));

        assertEquals(Optional.empty(), inbox.moderate(handleOnly, Moderation.LIKE, ReplyTarget.of("1")));
        assertEquals(1, network.received("GET", "/2/users/me").size());
    }

    @Test
    void whatXAllowsIsSaidPerKindAndItsLimitsAreNamed() {
        assertEquals(EnumSet.of(Moderation.HIDE, Moderation.UNHIDE, Moderation.LIKE),
                inbox.moderation(InteractionKind.COMMENT));
        assertEquals(EnumSet.of(Moderation.HIDE, Moderation.UNHIDE, Moderation.LIKE),
                inbox.moderation(InteractionKind.REPLY));
        assertEquals(EnumSet.of(Moderation.LIKE), inbox.moderation(InteractionKind.MENTION));
        assertEquals(EnumSet.noneOf(Moderation.class), inbox.moderation(InteractionKind.FOLLOW));
        assertEquals(List.of("mentions", "replies"), inbox.streams());
        String limits = inbox.limits().orElseThrow();
        assertTrue(limits.contains("7 days") && limits.contains("Basic") && limits.contains("Free"), limits);
    }
}
