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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Page's comments and Messenger conversations through the Graph API (developers.facebook.com/docs/graph-api:
 * Page feed, Object comments with filter=stream, Page conversations), played by a fake Graph on loopback.
 */
class FacebookInboxTest {

    private static final String PAGE = "546349135390552";
    private static final String POST_A = PAGE + "_1116692661689527";
    private static final String POST_B = PAGE + "_1116692661680000";
    private static final Instant LOOK_BACK = Instant.parse("2025-03-01T00:00:00Z");
    private static final String COMMENT_FIELDS = "id,message,from{id,name,picture},created_time,parent{id},is_hidden,"
            + "permalink_url,can_hide,can_remove,message_tags";

    private final FakeNetwork network = new FakeNetwork();
    private final FacebookInbox inbox = new FacebookInbox(Duration.ofMillis(800));

    @AfterEach
    void tearDown() {
        network.close();
    }

    private ChannelAccess channel() {
        return new ChannelAccess(11, network.baseUrl() + "/v21.0", PAGE, Map.of("access_token", "page-token"));
    }

    static Map<String, String> query(String raw) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return fields;
        }
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static long epoch(String iso) {
        return Instant.parse(iso).getEpochSecond();
    }

    /** Two pages of the Page's feed: the second page is asked for with the first page's "after" cursor. */
    private void feed() {
        network.on("GET", "/v21.0/" + PAGE + "/feed", r -> "feed-after-1".equals(query(r.query()).get("after"))
                ? Answer.json(200, """
                {"data": [{"id": "%s", "created_time": "2025-03-02T08:00:00+0000",
                           "permalink_url": "https://www.facebook.com/acme/posts/pfbid0B"}],
                 "paging": {"cursors": {"before": "b2", "after": "feed-after-2"}}}""".formatted(POST_B))
                : Answer.json(200, """
                {"data": [{"id": "%s", "created_time": "2025-03-04T10:00:00+0000",
                           "permalink_url": "https://www.facebook.com/acme/posts/pfbid0A"}],
                 "paging": {"cursors": {"before": "b1", "after": "feed-after-1"},
                            "next": "https://graph.facebook.com/v21.0/%s/feed?after=feed-after-1"}}"""
                .formatted(POST_A, PAGE)));
    }

    /** Post A: newest first over two pages; the second page reaches back past the look-back. */
    private void commentsOfPostA() {
        network.on("GET", "/v21.0/" + POST_A + "/comments", r -> "c-after-1".equals(query(r.query()).get("after"))
                ? Answer.json(200, """
                {"data": [{"id": "1116692661689527_301", "message": "Do you ship to Austria?",
                           "from": {"id": "7003", "name": "Mia Huber"}, "created_time": "2025-03-04T11:00:00+0000",
                           "is_hidden": false, "can_hide": true, "can_remove": true},
                          {"id": "1116692661689527_300", "message": "Old news",
                           "from": {"id": "7004", "name": "Old Timer"}, "created_time": "2025-02-27T09:00:00+0000"}],
                 "paging": {"cursors": {"before": "c2", "after": "c-after-2"},
                            "next": "https://graph.facebook.com/v21.0/x/comments?after=c-after-2"}}""")
                : Answer.json(200, """
                {"data": [{"id": "1116692661689527_320", "message": "Thanks Mia, we do!",
                           "from": {"id": "%s", "name": "Acme Coffee"}, "created_time": "2025-03-05T09:30:00+0000",
                           "parent": {"id": "1116692661689527_310"}},
                          {"id": "1116692661689527_311", "message": "Same question here",
                           "created_time": "2025-03-05T09:00:00+0000", "parent": {"id": "1116692661689527_310"},
                           "permalink_url": "https://www.facebook.com/acme/posts/pfbid0A?comment_id=311"},
                          {"id": "1116692661689527_310", "message": "Love the new blend",
                           "from": {"id": "7001", "name": "Jonas Weber",
                                    "picture": {"data": {"url": "https://scontent.example/jonas.jpg"}}},
                           "created_time": "2025-03-05T08:00:00+0000",
                           "permalink_url": "https://www.facebook.com/acme/posts/pfbid0A?comment_id=310"}],
                 "paging": {"cursors": {"before": "c0", "after": "c-after-1"},
                            "next": "https://graph.facebook.com/v21.0/x/comments?after=c-after-1"}}"""
                .formatted(PAGE)));
        network.on("GET", "/v21.0/" + POST_B + "/comments", Answer.json(200, "{\"data\": []}"));
    }

    @Test
    void theFirstReadingTakesEveryCommentOfThePostsOfTheLookBack() {
        feed();
        commentsOfPostA();

        InboxRead read = inbox.read(channel(), "comments", Optional.empty(), LOOK_BACK, 100);
        InboxRead.Page page = assertInstanceOf(InboxRead.Page.class, read, read::toString);

        assertEquals(List.of("1116692661689527_301", "1116692661689527_310", "1116692661689527_311",
                "1116692661689527_320"), page.items().stream().map(Incoming::itemId).toList());
        assertEquals(Optional.of(String.valueOf(epoch("2025-03-05T09:30:00Z"))), page.cursor());
        assertFalse(page.truncated());

        List<FakeNetwork.Received> feedCalls = network.received("GET", "/v21.0/" + PAGE + "/feed");
        assertEquals(2, feedCalls.size());
        String since = String.valueOf(LOOK_BACK.getEpochSecond());
        assertEquals(Map.of("fields", "id,created_time,permalink_url", "since", since, "limit", "50"),
                query(feedCalls.get(0).query()));
        assertEquals("feed-after-1", query(feedCalls.get(1).query()).get("after"));
        assertEquals("Bearer page-token", feedCalls.get(0).header("Authorization"));
        List<FakeNetwork.Received> commentCalls = network.received("GET", "/v21.0/" + POST_A + "/comments");
        assertEquals(2, commentCalls.size(), "the page that reached the look-back is the last one asked for");
        assertEquals(Map.of("filter", "stream", "order", "reverse_chronological", "fields", COMMENT_FIELDS,
                "since", since, "limit", "100"), query(commentCalls.get(0).query()));
        assertEquals("c-after-1", query(commentCalls.get(1).query()).get("after"));
        assertEquals("Bearer page-token", commentCalls.get(1).header("Authorization"));
        assertEquals(1, network.received("GET", "/v21.0/" + POST_B + "/comments").size());
    }

    @Test
    void commentsAndRepliesAreMappedWithTheirAuthorsParentsAndTargets() {
        feed();
        commentsOfPostA();

        List<Incoming> items = ((InboxRead.Page) inbox.read(channel(), "comments", Optional.empty(), LOOK_BACK, 100))
                .items();

        Incoming comment = items.get(1);
        assertEquals(InteractionKind.COMMENT, comment.kind());
        assertEquals(new Person("7001", null, "Jonas Weber", "https://scontent.example/jonas.jpg", null),
                comment.author());
        assertEquals("Love the new blend", comment.text());
        assertEquals(POST_A, comment.parentId());
        assertNull(comment.rootId());
        assertEquals("https://www.facebook.com/acme/posts/pfbid0A?comment_id=310", comment.url());
        assertEquals(Instant.parse("2025-03-05T08:00:00Z"), comment.occurredAt());
        assertEquals("1116692661689527_310", comment.replyTarget().parentId());
        assertEquals(Optional.of("1116692661689527_310"), comment.replyTarget().ref("thread"));
        assertFalse(comment.fromChannel());

        Incoming anonymous = items.get(2);
        assertEquals(InteractionKind.REPLY, anonymous.kind());
        assertEquals("1116692661689527_310", anonymous.parentId());
        assertEquals(POST_A, anonymous.rootId());
        assertEquals("unknown:1116692661689527_311", anonymous.author().id());
        assertEquals("Someone on Facebook", anonymous.author().name());
        assertEquals(Optional.of("1116692661689527_310"), anonymous.replyTarget().ref("thread"));

        Incoming own = items.get(3);
        assertTrue(own.fromChannel(), "the Page's own answer comes back marked as the channel's");
        assertEquals(InteractionKind.REPLY, own.kind());
        assertEquals("https://www.facebook.com/acme/posts/pfbid0A", own.url(), "without its own link, the post's");
        assertFalse(items.get(0).fromChannel());
    }

    @Test
    void aLaterReadingStartsAtTheCursorAndStopsPagingThere() {
        feed();
        commentsOfPostA();
        String cursor = String.valueOf(epoch("2025-03-05T08:30:00Z"));

        InboxRead.Page page = assertInstanceOf(InboxRead.Page.class,
                inbox.read(channel(), "comments", Optional.of(cursor), LOOK_BACK, 100));

        assertEquals(List.of("1116692661689527_311", "1116692661689527_320"),
                page.items().stream().map(Incoming::itemId).toList());
        List<FakeNetwork.Received> commentCalls = network.received("GET", "/v21.0/" + POST_A + "/comments");
        assertEquals(1, commentCalls.size(), "the first page already reached the cursor");
        assertEquals(cursor, query(commentCalls.get(0).query()).get("since"));
        assertEquals(String.valueOf(LOOK_BACK.getEpochSecond()),
                query(network.received("GET", "/v21.0/" + PAGE + "/feed").get(0).query()).get("since"),
                "an older post in the look-back may get a comment now");
    }

    @Test
    void aReadingWithMoreThanItTakesKeepsTheOldestAndGoesOnFromThere() {
        feed();
        commentsOfPostA();

        InboxRead.Page page = assertInstanceOf(InboxRead.Page.class,
                inbox.read(channel(), "comments", Optional.empty(), LOOK_BACK, 2));

        assertEquals(List.of("1116692661689527_301", "1116692661689527_310"),
                page.items().stream().map(Incoming::itemId).toList());
        assertTrue(page.truncated());
        assertEquals(Optional.of(String.valueOf(epoch("2025-03-05T08:00:00Z"))), page.cursor());
    }

    @Test
    void nothingNewKeepsTheCursor() {
        network.on("GET", "/v21.0/" + PAGE + "/feed", Answer.json(200, "{\"data\": []}"));

        InboxRead.Page page = assertInstanceOf(InboxRead.Page.class,
                inbox.read(channel(), "comments", Optional.of("1741000000"), LOOK_BACK, 100));

        assertEquals(List.of(), page.items());
        assertEquals(Optional.empty(), page.cursor());
    }

    @Test
    void aRateLimitWaitsAsLongAsFacebookAsks() {
        network.on("GET", "/v21.0/" + PAGE + "/feed", Answer.json(429, """
                {"error": {"message": "Application request limit reached", "type": "OAuthException", "code": 4}}""")
                .withHeader("Retry-After", "30"));

        PublishResult.RetryLater later = assertInstanceOf(PublishResult.RetryLater.class, assertInstanceOf(
                InboxRead.Failed.class, inbox.read(channel(), "comments", Optional.empty(), LOOK_BACK, 100)).why());

        assertEquals(Duration.ofSeconds(30), later.retryAfter());
        assertTrue(later.rateLimited());
    }

    @Test
    void aPageRateLimitWaitsForTheTimeItsUsageHeaderGives() {
        network.on("GET", "/v21.0/" + PAGE + "/feed", Answer.json(400, """
                {"error": {"message": "(#32) Page request limit reached", "type": "OAuthException", "code": 32}}""")
                .withHeader("X-Business-Use-Case-Usage", "{\"" + PAGE + "\": [{\"type\": \"pages\", "
                        + "\"call_count\": 100, \"total_cputime\": 25, \"total_time\": 25, "
                        + "\"estimated_time_to_regain_access\": 7}]}"));

        PublishResult.RetryLater later = assertInstanceOf(PublishResult.RetryLater.class, assertInstanceOf(
                InboxRead.Failed.class, inbox.read(channel(), "comments", Optional.empty(), LOOK_BACK, 100)).why());

        assertEquals(Duration.ofMinutes(7), later.retryAfter());
    }

    @Test
    void anExpiredTokenAsksForReconnection() {
        network.on("GET", "/v21.0/" + PAGE + "/feed", Answer.json(401, """
                {"error": {"message": "Error validating access token: Session has expired.", "type": "OAuthException",
                           "code": 190, "error_subcode": 463}}"""));

        PublishResult.Rejected rejected = assertInstanceOf(PublishResult.Rejected.class, assertInstanceOf(
                InboxRead.Failed.class, inbox.read(channel(), "comments", Optional.empty(), LOOK_BACK, 100)).why());

        assertTrue(rejected.reconnect());
    }

    @Test
    void aMissingPermissionSaysHowToEnableTheInbox() {
        network.on("GET", "/v21.0/" + PAGE + "/feed", Answer.json(403, """
                {"error": {"message": "(#10) This endpoint requires the 'pages_read_engagement' permission.",
                           "type": "OAuthException", "code": 10}}"""));

        PublishResult.Rejected rejected = assertInstanceOf(PublishResult.Rejected.class, assertInstanceOf(
                InboxRead.Failed.class, inbox.read(channel(), "comments", Optional.empty(), LOOK_BACK, 100)).why());

        assertFalse(rejected.reconnect());
        assertTrue(rejected.reason().endsWith("Reconnect the channel to enable the inbox."), rejected.reason());
        assertTrue(rejected.reason().contains("pages_read_engagement"), rejected.reason());
    }

    private void conversations() {
        network.on("GET", "/v21.0/" + PAGE + "/conversations", Answer.json(200, """
                {"data": [
                  {"id": "t_100", "updated_time": "2025-03-05T12:00:00+0000",
                   "messages": {"data": [
                      {"id": "m_3", "message": "We open at 8.", "from": {"id": "%s", "name": "Acme Coffee"},
                       "created_time": "2025-03-05T12:00:00+0000"},
                      {"id": "m_2", "message": "And on Sundays?", "from": {"id": "5001", "name": "Lea Graf"},
                       "created_time": "2025-03-05T11:58:00+0000"}],
                    "paging": {"cursors": {"before": "mb", "after": "m-after-1"},
                               "next": "https://graph.facebook.com/v21.0/t_100/messages?after=m-after-1"}}},
                  {"id": "t_099", "updated_time": "2025-02-20T12:00:00+0000",
                   "messages": {"data": [{"id": "m_0", "message": "Old", "from": {"id": "5002", "name": "Old"},
                                          "created_time": "2025-02-20T12:00:00+0000"}]}}],
                 "paging": {"cursors": {"before": "cb", "after": "conv-after-1"},
                            "next": "https://graph.facebook.com/v21.0/%s/conversations?after=conv-after-1"}}"""
                .formatted(PAGE, PAGE)));
        network.on("GET", "/v21.0/t_100/messages", Answer.json(200, """
                {"data": [{"id": "m_1", "message": "Are you open tomorrow?", "from": {"id": "5001", "name": "Lea Graf"},
                           "created_time": "2025-03-05T11:50:00+0000"},
                          {"id": "m_0a", "message": "Hi", "from": {"id": "5001", "name": "Lea Graf"},
                           "created_time": "2025-03-03T10:00:00+0000"}]}"""));
    }

    @Test
    void messengerConversationsBecomeMessagesInTheirThread() {
        conversations();

        InboxRead.Page page = assertInstanceOf(InboxRead.Page.class, inbox.read(channel(), "messages",
                Optional.of(String.valueOf(epoch("2025-03-04T00:00:00Z"))), LOOK_BACK, 100));

        assertEquals(List.of("m_1", "m_2", "m_3"), page.items().stream().map(Incoming::itemId).toList());
        Incoming first = page.items().get(0);
        assertEquals(InteractionKind.MESSAGE, first.kind());
        assertEquals("t_100", first.threadId());
        assertEquals("5001", first.author().id());
        assertEquals("Lea Graf", first.author().name());
        assertEquals("Are you open tomorrow?", first.text());
        ReplyTarget target = first.replyTarget();
        assertEquals("m_1", target.parentId());
        assertEquals(Optional.of("5001"), target.ref("recipient"));
        assertEquals(Optional.of(String.valueOf(epoch("2025-03-05T11:58:00Z"))), target.ref("lastMessageAt"),
                "the window runs from the person's latest message");
        assertTrue(page.items().get(2).fromChannel());
        assertEquals(Optional.of(String.valueOf(epoch("2025-03-05T12:00:00Z"))), page.cursor());

        FakeNetwork.Received sent = network.received("GET", "/v21.0/" + PAGE + "/conversations").get(0);
        assertEquals(Map.of("platform", "messenger",
                "fields", "id,updated_time,messages.limit(20){id,message,from,created_time}"), query(sent.query()));
        assertEquals(1, network.received("GET", "/v21.0/" + PAGE + "/conversations").size(),
                "a conversation older than the cursor ends the listing");
        assertEquals(Map.of("fields", "id,message,from,created_time", "after", "m-after-1"),
                query(network.received("GET", "/v21.0/t_100/messages").get(0).query()));
    }

    @Test
    void withoutMessengerAccessTheMessagesStreamSaysHowToGetIt() {
        network.on("GET", "/v21.0/" + PAGE + "/conversations", Answer.json(400, """
                {"error": {"message": "(#230) Requires pages_messaging permission to manage the object",
                           "type": "OAuthException", "code": 230}}"""));

        PublishResult.Rejected rejected = assertInstanceOf(PublishResult.Rejected.class, assertInstanceOf(
                InboxRead.Failed.class, inbox.read(channel(), "messages", Optional.empty(), LOOK_BACK, 100)).why());

        assertFalse(rejected.reconnect());
        assertTrue(rejected.reason().endsWith("Reconnect with Messenger access to read messages."), rejected.reason());
    }

    @Test
    void commentsCanBeHiddenShownDeletedAndLiked() {
        String comment = "1116692661689527_310";
        network.on("POST", "/v21.0/" + comment, Answer.json(200, "{\"success\": true}"));
        network.on("DELETE", "/v21.0/" + comment, Answer.json(200, "{\"success\": true}"));
        network.on("POST", "/v21.0/" + comment + "/likes", Answer.json(200, "{\"success\": true}"));
        ReplyTarget target = new ReplyTarget(comment, Map.of("thread", comment));

        assertEquals(Optional.empty(), inbox.moderate(channel(), Moderation.HIDE, target));
        assertEquals(Optional.empty(), inbox.moderate(channel(), Moderation.UNHIDE, target));
        assertEquals(Optional.empty(), inbox.moderate(channel(), Moderation.DELETE, target));
        assertEquals(Optional.empty(), inbox.moderate(channel(), Moderation.LIKE, target));

        List<FakeNetwork.Received> posts = network.received("POST", "/v21.0/" + comment);
        assertEquals("is_hidden=true", posts.get(0).text());
        assertEquals("is_hidden=false", posts.get(1).text());
        assertEquals("application/x-www-form-urlencoded", posts.get(0).header("Content-Type"));
        assertEquals("Bearer page-token", posts.get(0).header("Authorization"));
        assertEquals(1, network.received("DELETE", "/v21.0/" + comment).size());
        assertEquals("Bearer page-token", network.received("POST", "/v21.0/" + comment + "/likes").get(0)
                .header("Authorization"));
    }

    @Test
    void aRefusedModerationSaysWhyInFacebooksWords() {
        network.on("POST", "/v21.0/c1", Answer.json(400, """
                {"error": {"message": "(#200) The user does not have permission to hide this comment",
                           "type": "OAuthException", "code": 200}}"""));

        Optional<String> why = inbox.moderate(channel(), Moderation.HIDE, ReplyTarget.of("c1"));

        assertTrue(why.orElseThrow().contains("does not have permission to hide this comment"), why.toString());
    }

    @Test
    void messagesCannotBeModeratedAndCommentsCanInEveryWay() {
        assertEquals(EnumSet.allOf(Moderation.class), inbox.moderation(InteractionKind.COMMENT));
        assertEquals(EnumSet.allOf(Moderation.class), inbox.moderation(InteractionKind.REPLY));
        assertEquals(EnumSet.noneOf(Moderation.class), inbox.moderation(InteractionKind.MESSAGE));
        assertTrue(inbox.moderate(channel(), Moderation.DELETE, new ReplyTarget("m_1", Map.of("kind", "message")))
                .isPresent());
        assertTrue(network.received().isEmpty());
    }

    @Test
    void theInboxScreenLearnsOfTheMessagingWindow() {
        assertEquals(Optional.of("Facebook lets a Page answer a Messenger conversation only within 24 hours of the "
                + "person's last message."), inbox.limits());
        assertEquals(List.of("comments", "messages"), inbox.streams());
    }
}
