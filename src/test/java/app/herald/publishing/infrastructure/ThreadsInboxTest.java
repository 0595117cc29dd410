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
import app.herald.testsupport.FakeNetwork.Answer;
import app.herald.testsupport.FakeNetwork;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Threads reply management and mentions API (developers.facebook.com/docs/threads), played by a fake
 * graph.threads.net on loopback.
 */
class ThreadsInboxTest {

    private static final String USER = "25044829848512345";
    private static final String THREAD_A = "18050000000000001";
    private static final String THREAD_B = "18050000000000002";
    private static final String REPLY_FIELDS = "id,text,username,permalink,timestamp,replied_to,root_post,"
            + "is_reply_owned_by_me,hide_status,profile_picture_url";
    private static final String MENTION_FIELDS = "id,text,username,permalink,timestamp,is_reply,replied_to,root_post";
    /** As the Graph API writes times: an offset without a colon. */
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ")
            .withZone(ZoneOffset.UTC);

    private final FakeNetwork network = new FakeNetwork();
    private final ThreadsInbox inbox = new ThreadsInbox(Duration.ofMillis(800));
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final Instant lookBack = now.minus(Duration.ofDays(14));

    @AfterEach
    void tearDown() {
        network.close();
    }

    private ChannelAccess channel() {
        return new ChannelAccess(17, network.baseUrl() + "/v1.0", USER, Map.of("access_token", "th-token"));
    }

    private InboxRead.Page read(String stream, Optional<String> cursor, int max) {
        return assertInstanceOf(InboxRead.Page.class, inbox.read(channel(), stream, cursor, lookBack, max));
    }

    private static String reply(String id, Instant at, String username, String repliedTo, String root, boolean mine,
                                String text) {
        return """
                {"id": "%s", "text": "%s", "username": "%s", "permalink": "https://www.threads.net/@%s/post/%s",
                 "timestamp": "%s", "replied_to": {"id": "%s"}, "root_post": {"id": "%s"},
                 "is_reply_owned_by_me": %s, "hide_status": "NOT_HUSHED",
                 "profile_picture_url": "https://cdn.threads.example/%s.jpg"}"""
                .formatted(id, text, username, username, id, GRAPH_TIME.format(at), repliedTo, root, mine, username);
    }

    private static String data(List<String> items, String after) {
        return "{\"data\": [" + String.join(",", items) + "]" + (after == null ? ""
                : ", \"paging\": {\"cursors\": {\"before\": \"b\", \"after\": \"" + after + "\"}}") + "}";
    }

    /** Answers a listing by its after cursor (absent: the first page). */
    private void listing(String path, Map<String, String> byAfter) {
        network.on("GET", path, r -> {
            String after = r.query().contains("&after=") ? r.query().substring(r.query().indexOf("&after=") + 7) : "";
            return Answer.json(200, byAfter.getOrDefault(after, "{\"data\": []}"));
        });
    }

    private List<String> queries(String path) {
        return network.received("GET", path).stream().map(FakeNetwork.Received::query).toList();
    }

    private void twoThreads() {
        listing("/v1.0/" + USER + "/threads", Map.of(
                "", data(List.of("{\"id\": \"" + THREAD_A + "\", \"timestamp\": \"" + GRAPH_TIME.format(now.minus(
                        Duration.ofDays(2))) + "\"}", "{\"id\": \"" + THREAD_B + "\", \"timestamp\": \""
                        + GRAPH_TIME.format(now.minus(Duration.ofDays(9))) + "\"}"), "t1")));
        listing("/v1.0/" + THREAD_B + "/conversation", Map.of("", data(List.of(), null)));
    }

    @Test
    void theFirstReadingAsksEveryRecentThreadForItsConversationDownToTheLookBack() {
        twoThreads();
        Instant t = now.minus(Duration.ofHours(5));
        listing("/v1.0/" + THREAD_A + "/conversation", Map.of(
                "", data(List.of(
                        reply("r3", t.plusSeconds(300), "carol", "r1", THREAD_A, false, "Same here"),
                        reply("r2", t.plusSeconds(200), "herald", "r1", THREAD_A, true, "Thank you!")), "p2"),
                "p2", data(List.of(
                        reply("r1", t.plusSeconds(100), "dana", THREAD_A, THREAD_A, false, "Great launch"),
                        reply("r0", lookBack.minusSeconds(60), "erin", THREAD_A, THREAD_A, false, "Old")), "p3")));

        InboxRead.Page page = read("replies", Optional.empty(), 100);

        assertEquals(List.of("r1", "r2", "r3"), page.items().stream().map(Incoming::itemId).toList());
        assertEquals(Optional.of(t.plusSeconds(300).toString()), page.cursor());
        assertFalse(page.truncated());
        assertEquals(List.of("fields=id,timestamp&since=" + lookBack.getEpochSecond() + "&limit=100",
                "fields=id,timestamp&since=" + lookBack.getEpochSecond() + "&limit=100&after=t1"),
                queries("/v1.0/" + USER + "/threads"));
        assertEquals(List.of("fields=" + REPLY_FIELDS + "&reverse=true",
                "fields=" + REPLY_FIELDS + "&reverse=true&after=p2"), queries("/v1.0/" + THREAD_A + "/conversation"),
                "stops at the look-back without asking for page p3");
        assertEquals(1, network.received("GET", "/v1.0/" + THREAD_B + "/conversation").size());
        assertTrue(network.received().stream().allMatch(r -> "Bearer th-token".equals(r.header("Authorization"))));

        Map<String, Incoming> byId = page.items().stream().collect(Collectors.toMap(Incoming::itemId,
                Function.identity()));
        Incoming comment = byId.get("r1");
        assertEquals(InteractionKind.COMMENT, comment.kind());
        assertEquals(new Person("dana", "@dana", "dana", "https://cdn.threads.example/dana.jpg", null),
                comment.author());
        assertEquals("Great launch", comment.text());
        assertEquals(THREAD_A, comment.parentId());
        assertNull(comment.rootId());
        assertEquals(ReplyTarget.of("r1"), comment.replyTarget());
        assertEquals("https://www.threads.net/@dana/post/r1", comment.url());
        assertEquals(t.plusSeconds(100), comment.occurredAt());
        assertFalse(comment.fromChannel());

        assertTrue(byId.get("r2").fromChannel(), "the channel's own answer comes back marked");
        Incoming reply = byId.get("r3");
        assertEquals(InteractionKind.REPLY, reply.kind());
        assertEquals("r1", reply.parentId());
        assertEquals(THREAD_A, reply.rootId());
    }

    @Test
    void aLaterReadingStopsAtTheCursor() {
        twoThreads();
        Instant cursor = now.minus(Duration.ofHours(2));
        listing("/v1.0/" + THREAD_A + "/conversation", Map.of("", data(List.of(
                reply("r5", cursor.plusSeconds(60), "carol", THREAD_A, THREAD_A, false, "New"),
                reply("r4", cursor.minusSeconds(60), "dana", THREAD_A, THREAD_A, false, "Seen already")), "p2")));

        InboxRead.Page page = read("replies", Optional.of(cursor.toString()), 100);

        assertEquals(List.of("r5"), page.items().stream().map(Incoming::itemId).toList());
        assertEquals(Optional.of(cursor.plusSeconds(60).toString()), page.cursor());
        assertEquals(1, network.received("GET", "/v1.0/" + THREAD_A + "/conversation").size());
        assertTrue(queries("/v1.0/" + USER + "/threads").get(0).contains("since=" + lookBack.getEpochSecond()),
                "older threads still get replies: the threads are listed from the look-back, not the cursor");
    }

    @Test
    void aReadingOverMaxTakesTheOldestAndGoesOnFromThereNextTime() {
        twoThreads();
        Instant t = now.minus(Duration.ofHours(1));
        listing("/v1.0/" + THREAD_A + "/conversation", Map.of("", data(List.of(
                reply("r3", t.plusSeconds(3), "carol", THREAD_A, THREAD_A, false, "c"),
                reply("r2", t.plusSeconds(2), "dana", THREAD_A, THREAD_A, false, "b"),
                reply("r1", t.plusSeconds(1), "erin", THREAD_A, THREAD_A, false, "a")), null)));

        InboxRead.Page page = read("replies", Optional.empty(), 2);

        assertEquals(List.of("r1", "r2"), page.items().stream().map(Incoming::itemId).toList());
        assertEquals(Optional.of(t.plusSeconds(2).toString()), page.cursor());
        assertTrue(page.truncated());
    }

    @Test
    void mentionsAreReadSinceTheCursor() {
        Instant cursor = now.minus(Duration.ofHours(3));
        listing("/v1.0/" + USER + "/mentions", Map.of(
                "", data(List.of("""
                        {"id": "m2", "text": "Ask @herald about it", "username": "frank",
                         "permalink": "https://www.threads.net/@frank/post/m2", "timestamp": "%s", "is_reply": true,
                         "replied_to": {"id": "x1"}, "root_post": {"id": "x0"}}""".formatted(
                        GRAPH_TIME.format(cursor.plusSeconds(120))), """
                        {"id": "m1", "text": "@herald hello", "timestamp": "%s", "is_reply": false}""".formatted(
                        GRAPH_TIME.format(cursor.plusSeconds(60)))), "a1")));

        InboxRead.Page page = read("mentions", Optional.of(cursor.toString()), 100);

        assertEquals(List.of("fields=" + MENTION_FIELDS + "&since=" + cursor.getEpochSecond(),
                "fields=" + MENTION_FIELDS + "&since=" + cursor.getEpochSecond() + "&after=a1"),
                queries("/v1.0/" + USER + "/mentions"));
        assertEquals(List.of("m1", "m2"), page.items().stream().map(Incoming::itemId).toList());
        Incoming reply = page.items().get(1);
        assertEquals(InteractionKind.MENTION, reply.kind());
        assertEquals("x1", reply.parentId());
        assertEquals("x0", reply.rootId());
        assertEquals("frank", reply.author().id());
        assertEquals(ReplyTarget.of("m2"), reply.replyTarget());
        Incoming fromPrivateProfile = page.items().get(0);
        assertEquals("private:m1", fromPrivateProfile.author().id(), "Threads withholds a private profile's name");
        assertNull(fromPrivateProfile.parentId());
        assertEquals(Optional.of(cursor.plusSeconds(120).toString()), page.cursor());
    }

    @Test
    void aRateLimitIsRetriedAfterTheAskedDelay() {
        network.on("GET", "/v1.0/" + USER + "/mentions", Answer.json(429, """
                {"error": {"message": "Application request limit reached", "type": "OAuthException", "code": 4}}""")
                .withHeader("Retry-After", "30"));

        InboxRead.Failed failed = assertInstanceOf(InboxRead.Failed.class,
                inbox.read(channel(), "mentions", Optional.empty(), lookBack, 100));

        PublishResult.RetryLater later = assertInstanceOf(PublishResult.RetryLater.class, failed.why());
        assertEquals(Duration.ofSeconds(30), later.retryAfter());
        assertTrue(later.rateLimited());
    }

    @Test
    void anExpiredTokenAsksForReconnection() {
        network.on("GET", "/v1.0/" + USER + "/threads", Answer.json(401, """
                {"error": {"message": "Error validating access token: Session has expired", "type": "OAuthException",
                           "code": 190, "error_subcode": 463}}"""));

        InboxRead.Failed failed = assertInstanceOf(InboxRead.Failed.class,
                inbox.read(channel(), "replies", Optional.empty(), lookBack, 100));

        PublishResult.Rejected rejected = assertInstanceOf(PublishResult.Rejected.class, failed.why());
        assertTrue(rejected.reconnect());
        assertTrue(rejected.reason().contains("Session has expired"), rejected.reason());
    }

    @Test
    void aMissingPermissionAsksToReconnectForTheInbox() {
        twoThreads();
        network.on("GET", "/v1.0/" + THREAD_A + "/conversation", Answer.json(403, """
                {"error": {"message": "Application does not have permission for this action", "type": "THApiException",
                           "code": 10}}"""));

        InboxRead.Failed failed = assertInstanceOf(InboxRead.Failed.class,
                inbox.read(channel(), "replies", Optional.empty(), lookBack, 100));

        PublishResult.Rejected rejected = assertInstanceOf(PublishResult.Rejected.class, failed.why());
        assertFalse(rejected.reconnect());
        assertTrue(rejected.reason().contains("does not have permission")
                && rejected.reason().endsWith("Reconnect the channel to enable the inbox."), rejected.reason());
    }

    @Test
    void aChannelWithoutTokenIsNotReadAndAsksNothing() {
        InboxRead read = inbox.read(new ChannelAccess(17, network.baseUrl() + "/v1.0", USER, Map.of()), "replies",
                Optional.empty(), lookBack, 100);

        assertTrue(assertInstanceOf(PublishResult.Rejected.class, assertInstanceOf(InboxRead.Failed.class, read).why())
                .reconnect());
        assertTrue(network.received().isEmpty());
    }

    @Test
    void repliesUnderTheAccountsThreadsAreHiddenAndShownAgain() {
        network.on("POST", "/v1.0/r1/manage_reply", Answer.json(200, "{\"success\": true}"));

        assertEquals(Optional.empty(), inbox.moderate(channel(), Moderation.HIDE, ReplyTarget.of("r1")));
        assertEquals(Optional.empty(), inbox.moderate(channel(), Moderation.UNHIDE, ReplyTarget.of("r1")));

        List<FakeNetwork.Received> sent = network.received("POST", "/v1.0/r1/manage_reply");
        assertEquals(List.of("hide=true", "hide=false"), sent.stream().map(FakeNetwork.Received::text).toList());
        assertEquals("Bearer th-token", sent.get(0).header("Authorization"));
        assertEquals("application/x-www-form-urlencoded", sent.get(0).header("Content-Type"));
        assertEquals(EnumSet.of(Moderation.HIDE, Moderation.UNHIDE), inbox.moderation(InteractionKind.COMMENT));
        assertEquals(EnumSet.noneOf(Moderation.class), inbox.moderation(InteractionKind.REPLY));
        assertEquals(EnumSet.noneOf(Moderation.class), inbox.moderation(InteractionKind.MENTION));
    }

    @Test
    void whatThreadsDoesNotAllowIsRefusedWithoutAsking() {
        Optional<String> delete = inbox.moderate(channel(), Moderation.DELETE, ReplyTarget.of("r1"));

        assertTrue(delete.isPresent() && delete.get().contains("not delete or like"), delete.toString());
        assertTrue(network.received().isEmpty());
        assertTrue(inbox.limits().orElseThrow().contains("hide the replies"));
    }

    @Test
    void aHideThreadsRefusesSaysWhy() {
        network.on("POST", "/v1.0/r9/manage_reply", Answer.json(400, """
                {"error": {"message": "Nested replies cannot be hidden", "type": "THApiException",
                           "code": 100}}"""));

        Optional<String> reason = inbox.moderate(channel(), Moderation.HIDE, ReplyTarget.of("r9"));

        assertTrue(reason.isPresent() && reason.get().contains("cannot be hidden"), reason.toString());
    }
}
