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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/notifications and POST /api/v1/statuses/:id/favourite as documented at docs.joinmastodon.org, played by
 * a fake instance on loopback.
 */
class MastodonInboxTest {

    private static final String OWN_ID = "14715";
    private static final String NOTIFICATIONS = "/api/v1/notifications";
    private static final List<String> TYPES = List.of("mention", "favourite", "reblog", "follow", "update", "quote");

    private final FakeNetwork network = new FakeNetwork();
    private final MastodonInbox inbox = new MastodonInbox(Duration.ofMillis(800));
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final Instant lookBack = now.minus(Duration.ofDays(14));

    @BeforeEach
    void signedIn() {
        network.on("GET", "/api/v1/accounts/verify_credentials", Answer.json(200, """
                {"id": "14715", "username": "herald", "acct": "herald", "display_name": "Herald",
                 "followers_count": 2318}"""));
    }

    @AfterEach
    void tearDown() {
        network.close();
    }

    private ChannelAccess channel() {
        return new ChannelAccess(7, network.baseUrl() + "/", "herald", Map.of("access_token", "tok-1"));
    }

    private InboxRead.Page read(Optional<String> cursor, int max) {
        return assertInstanceOf(InboxRead.Page.class, inbox.read(channel(), "notifications", cursor, lookBack, max));
    }

    /** Pages by the query's min_id or max_id (absent: the newest page). */
    private void pages(Map<String, String> byCursor) {
        network.on("GET", NOTIFICATIONS, r -> {
            Map<String, String> q = query(r.query());
            String key = q.containsKey("min_id") ? "min_id=" + q.get("min_id")
                    : q.containsKey("max_id") ? "max_id=" + q.get("max_id") : "";
            return Answer.json(200, byCursor.getOrDefault(key, "[]"));
        });
    }

    private static Map<String, String> query(String raw) {
        return pairs(raw).stream().filter(p -> !p[0].equals("types[]"))
                .collect(Collectors.toMap(p -> p[0], p -> p[1]));
    }

    private static List<String[]> pairs(String raw) {
        List<String[]> pairs = new ArrayList<>();
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            pairs.add(new String[] {URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(kv[1], StandardCharsets.UTF_8)});
        }
        return pairs;
    }

    private List<Map<String, String>> notificationQueries() {
        return network.received("GET", NOTIFICATIONS).stream().map(r -> query(r.query())).toList();
    }

    private static String account(String id, String acct, String name) {
        return """
                {"id": "%s", "username": "%s", "acct": "%s", "display_name": "%s",
                 "url": "https://other.social/@%s", "avatar": "https://files.example/%s.png",
                 "followers_count": 120, "following_count": 80, "statuses_count": 9}"""
                .formatted(id, acct.split("@")[0], acct, name, acct.split("@")[0], id);
    }

    private static String status(String id, Instant at, String account, String visibility, String inReplyTo,
                                 String inReplyToAccount, String html) {
        return """
                {"id": "%s", "created_at": "%s", "in_reply_to_id": %s, "in_reply_to_account_id": %s,
                 "sensitive": false, "spoiler_text": "", "visibility": "%s", "language": "en",
                 "uri": "https://other.social/users/x/statuses/%s", "url": "https://other.social/@x/%s",
                 "replies_count": 0, "reblogs_count": 0, "favourites_count": 0, "edited_at": null,
                 "content": "%s", "account": %s, "media_attachments": [],
                 "mentions": [{"id": "14715", "username": "herald", "acct": "herald",
                               "url": "https://mastodon.example/@herald"}], "tags": [], "emojis": []}"""
                .formatted(id, at, json(inReplyTo), json(inReplyToAccount), visibility, id, id, html, account);
    }

    private static String json(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static String notification(String id, String type, Instant at, String account, String status) {
        return """
                {"id": "%s", "type": "%s", "created_at": "%s", "account": %s, "status": %s}"""
                .formatted(id, type, at, account, status == null ? "null" : status);
    }

    private static final String BOB = account("200", "bob@other.social", "Bob");
    private static final String ALICE = account("201", "alice", "Alice");

    @Test
    void theFirstReadingPagesBackToTheLookBackAndMapsEveryKind() {
        Instant t = now.minus(Duration.ofHours(3));
        String direct = status("9001", t.plusSeconds(60), BOB, "direct", null, null, "<p>Are you open on Sunday?</p>");
        String comment = status("9002", t.plusSeconds(50), ALICE, "public", "8000", OWN_ID,
                "<p><span class=\\\"h-card\\\"><a href=\\\"https://mastodon.example/@herald\\\" class=\\\"u-url "
                        + "mention\\\">@<span>herald</span></a></span> Love it &amp; more<br/>really</p>");
        String reply = status("9003", t.plusSeconds(40), BOB, "unlisted", "8500", "999", "<p>Agreed with you both</p>");
        String mention = status("9004", t.plusSeconds(30), ALICE, "public", null, null, "<p>Ask @herald</p>");
        String liked = status("8000", t.minus(Duration.ofDays(2)), account(OWN_ID, "herald", "Herald"), "public", null,
                null, "<p>Our launch</p>");
        pages(Map.of(
                "", "[" + String.join(",",
                        notification("106", "mention", t.plusSeconds(60), BOB, direct),
                        notification("105", "mention", t.plusSeconds(50), ALICE, comment),
                        notification("104", "mention", t.plusSeconds(40), BOB, reply)) + "]",
                "max_id=104", "[" + String.join(",",
                        notification("103", "mention", t.plusSeconds(30), ALICE, mention),
                        notification("102", "favourite", t.plusSeconds(20), BOB, liked),
                        notification("101", "reblog", t.plusSeconds(10), ALICE, liked)) + "]",
                "max_id=101", "[" + String.join(",",
                        notification("100", "follow", t, BOB, null),
                        notification("99", "follow", lookBack.minusSeconds(1), ALICE, null),
                        notification("98", "follow", lookBack.minusSeconds(5), BOB, null)) + "]"));

        InboxRead.Page page = read(Optional.empty(), 100);

        assertEquals(Optional.of("106"), page.cursor());
        assertFalse(page.truncated());
        List<Map<String, String>> queries = notificationQueries();
        assertEquals(List.of(Map.of("limit", "40"), Map.of("limit", "40", "max_id", "104"),
                Map.of("limit", "40", "max_id", "101")), queries, "stops at the look-back, asks no fourth page");
        FakeNetwork.Received first = network.received("GET", NOTIFICATIONS).get(0);
        assertEquals(TYPES, pairs(first.query()).stream().filter(p -> p[0].equals("types[]")).map(p -> p[1]).toList());
        assertEquals("Bearer tok-1", first.header("Authorization"));

        Map<String, Incoming> byId = page.items().stream().collect(Collectors.toMap(Incoming::itemId,
                Function.identity()));
        assertEquals(List.of("9001", "9002", "9003", "9004", "notification:102", "notification:101",
                "notification:100"), page.items().stream().map(Incoming::itemId).toList());

        Incoming message = byId.get("9001");
        assertEquals(InteractionKind.MESSAGE, message.kind());
        assertEquals(new Person("bob@other.social", "@bob@other.social", "Bob", "https://files.example/200.png", 120L),
                message.author());
        assertEquals("Are you open on Sunday?", message.text());
        assertEquals(new ReplyTarget("9001", Map.of("visibility", "direct", "mention", "@bob@other.social")),
                message.replyTarget());
        assertEquals(t.plusSeconds(60), message.occurredAt());
        assertEquals("en", message.language());
        assertEquals("https://other.social/@x/9001", message.url());
        assertFalse(message.fromChannel());
        assertNull(message.editedAt());

        Incoming onOwnPost = byId.get("9002");
        assertEquals(InteractionKind.COMMENT, onOwnPost.kind());
        assertEquals("8000", onOwnPost.parentId());
        assertEquals("@herald Love it & more\nreally", onOwnPost.text());
        assertEquals("alice@127.0.0.1", onOwnPost.author().id(), "a local acct made absolute with the instance");
        assertEquals(Optional.of("@alice"), onOwnPost.replyTarget().ref("mention"));
        assertEquals(Optional.of("public"), onOwnPost.replyTarget().ref("visibility"));

        assertEquals(InteractionKind.REPLY, byId.get("9003").kind());
        assertEquals("8500", byId.get("9003").parentId());
        assertEquals(Optional.of("unlisted"), byId.get("9003").replyTarget().ref("visibility"));
        assertEquals(InteractionKind.MENTION, byId.get("9004").kind());
        assertNull(byId.get("9004").parentId());

        Incoming like = byId.get("notification:102");
        assertEquals(InteractionKind.LIKE, like.kind());
        assertEquals("8000", like.subjectId());
        assertNull(like.replyTarget());
        assertEquals("", like.text());
        assertEquals(InteractionKind.REPOST, byId.get("notification:101").kind());
        assertEquals("8000", byId.get("notification:101").subjectId());
        Incoming follow = byId.get("notification:100");
        assertEquals(InteractionKind.FOLLOW, follow.kind());
        assertNull(follow.subjectId());
        assertEquals(t, follow.occurredAt());
    }

    @Test
    void aLaterReadingPagesForwardFromTheCursorUntilNothingIsNewer() {
        Instant t = now.minus(Duration.ofMinutes(30));
        pages(Map.of(
                "min_id=500", "[" + String.join(",",
                        notification("502", "follow", t.plusSeconds(2), BOB, null),
                        notification("501", "follow", t.plusSeconds(1), ALICE, null)) + "]",
                "min_id=502", "[" + notification("503", "mention", t.plusSeconds(3), ALICE,
                        status("9100", t.plusSeconds(3), ALICE, "public", null, null, "<p>Hi</p>")) + "]"));

        InboxRead.Page page = read(Optional.of("500"), 100);

        assertEquals(List.of("notification:501", "notification:502", "9100"),
                page.items().stream().map(Incoming::itemId).toList());
        assertEquals(Optional.of("503"), page.cursor());
        assertFalse(page.truncated());
        assertEquals(List.of(Map.of("limit", "40", "min_id", "500"), Map.of("limit", "40", "min_id", "502"),
                Map.of("limit", "40", "min_id", "503")), notificationQueries());
    }

    @Test
    void aReadingStoppedAtMaxGoesOnFromTheLastNotificationItTook() {
        Instant t = now.minus(Duration.ofMinutes(30));
        pages(Map.of("min_id=500", "[" + String.join(",",
                notification("503", "follow", t.plusSeconds(3), BOB, null),
                notification("502", "follow", t.plusSeconds(2), ALICE, null),
                notification("501", "follow", t.plusSeconds(1), BOB, null)) + "]"));

        InboxRead.Page page = read(Optional.of("500"), 2);

        assertEquals(List.of("notification:501", "notification:502"),
                page.items().stream().map(Incoming::itemId).toList());
        assertEquals(Optional.of("502"), page.cursor());
        assertTrue(page.truncated());
    }

    @Test
    void notificationsOlderThanTheLookBackAreLeftOutButPassed() {
        pages(Map.of("min_id=10", "[" + String.join(",",
                notification("12", "follow", now.minusSeconds(60), BOB, null),
                notification("11", "follow", lookBack.minusSeconds(60), ALICE, null)) + "]"));

        InboxRead.Page page = read(Optional.of("10"), 100);

        assertEquals(List.of("notification:12"), page.items().stream().map(Incoming::itemId).toList());
        assertEquals(Optional.of("12"), page.cursor());
    }

    @Test
    void anEditedStatusKeepsItsItemIdAndSaysWhenItWasEdited() {
        Instant t = now.minus(Duration.ofHours(1));
        String edited = status("9200", t, BOB, "public", "8000", OWN_ID, "<p>Fixed typo</p>")
                .replace("\"edited_at\": null", "\"edited_at\": \"" + t.plusSeconds(90) + "\"");
        String notAboutUs = status("9300", t, ALICE, "public", null, null, "<p>Unrelated</p>")
                .replace("\"mentions\": [{\"id\": \"14715\"", "\"mentions\": [{\"id\": \"777\"");
        pages(Map.of("min_id=600", "[" + String.join(",",
                notification("602", "update", t.plusSeconds(95), BOB, edited),
                notification("601", "update", t.plusSeconds(91), ALICE, notAboutUs)) + "]"));

        InboxRead.Page page = read(Optional.of("600"), 100);

        assertEquals(1, page.items().size(), "an edit of a status not said to the account is not in its inbox");
        Incoming item = page.items().get(0);
        assertEquals("9200", item.itemId());
        assertEquals(InteractionKind.COMMENT, item.kind());
        assertEquals("Fixed typo", item.text());
        assertEquals(t.plusSeconds(90), item.editedAt());
        assertEquals(t, item.occurredAt());
        assertEquals(Optional.of("602"), page.cursor());
    }

    @Test
    void theChannelsOwnStatusIsMarkedFromTheChannel() {
        Instant t = now.minus(Duration.ofHours(1));
        String own = status("9400", t, account(OWN_ID, "herald", "Herald"), "public", "9003", "200",
                "<p>@bob thanks!</p>");
        pages(Map.of("min_id=700", "[" + notification("701", "mention", t, account(OWN_ID, "herald", "Herald"), own)
                + "]"));

        Incoming item = read(Optional.of("700"), 100).items().get(0);

        assertTrue(item.fromChannel());
        assertEquals("herald@127.0.0.1", item.author().id());
    }

    @Test
    void aQuoteAnswersTheQuotedStatus() {
        Instant t = now.minus(Duration.ofHours(1));
        String quoting = status("9500", t, BOB, "public", null, null, "<p>Look at this</p>")
                .replace("\"tags\": []", "\"tags\": [], \"quote\": {\"state\": \"accepted\", \"quoted_status\": "
                        + status("8000", t.minus(Duration.ofDays(1)), account(OWN_ID, "herald", "Herald"), "public",
                        null, null, "<p>Our launch</p>") + "}");
        pages(Map.of("min_id=800", "[" + notification("801", "quote", t, BOB, quoting) + "]"));

        Incoming item = read(Optional.of("800"), 100).items().get(0);

        assertEquals(InteractionKind.QUOTE, item.kind());
        assertEquals("9500", item.itemId());
        assertEquals("8000", item.parentId());
    }

    @Test
    void aRateLimitWaitsUntilMastodonsResetTime() {
        network.on("GET", NOTIFICATIONS, Answer.json(429, "{\"error\": \"Too many requests\"}")
                .withHeader("X-RateLimit-Limit", "300").withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", Instant.now().plusSeconds(120).toString()));

        InboxRead.Failed failed = assertInstanceOf(InboxRead.Failed.class,
                inbox.read(channel(), "notifications", Optional.of("1"), lookBack, 100));

        PublishResult.RetryLater later = assertInstanceOf(PublishResult.RetryLater.class, failed.why());
        assertTrue(later.retryAfter().compareTo(Duration.ofSeconds(100)) > 0
                && later.retryAfter().compareTo(Duration.ofSeconds(121)) <= 0, later.toString());
        assertTrue(later.rateLimited());
    }

    @Test
    void aRateLimitWithRetryAfterWaitsThatLong() {
        network.on("GET", NOTIFICATIONS, Answer.json(429, "{\"error\": \"Too many requests\"}")
                .withHeader("Retry-After", "30"));

        InboxRead.Failed failed = assertInstanceOf(InboxRead.Failed.class,
                inbox.read(channel(), "notifications", Optional.empty(), lookBack, 100));

        assertEquals(Duration.ofSeconds(30), assertInstanceOf(PublishResult.RetryLater.class, failed.why())
                .retryAfter());
    }

    @Test
    void aRevokedTokenAsksForReconnection() {
        network.on("GET", "/api/v1/accounts/verify_credentials",
                Answer.json(401, "{\"error\": \"The access token was revoked\"}"));

        InboxRead.Failed failed = assertInstanceOf(InboxRead.Failed.class,
                inbox.read(channel(), "notifications", Optional.empty(), lookBack, 100));

        PublishResult.Rejected rejected = assertInstanceOf(PublishResult.Rejected.class, failed.why());
        assertTrue(rejected.reconnect());
        assertTrue(rejected.reason().contains("The access token was revoked"), rejected.reason());
        assertTrue(network.received("GET", NOTIFICATIONS).isEmpty());
    }

    @Test
    void aTokenWithoutTheNotificationsScopeAsksToReconnectForTheInbox() {
        network.on("GET", NOTIFICATIONS, Answer.json(403,
                "{\"error\": \"This action is outside the authorized scopes\"}"));

        InboxRead.Failed failed = assertInstanceOf(InboxRead.Failed.class,
                inbox.read(channel(), "notifications", Optional.empty(), lookBack, 100));

        PublishResult.Rejected rejected = assertInstanceOf(PublishResult.Rejected.class, failed.why());
        assertFalse(rejected.reconnect());
        assertTrue(rejected.reason().contains("outside the authorized scopes")
                && rejected.reason().endsWith("Reconnect the channel to enable the inbox."), rejected.reason());
    }

    @Test
    void aChannelWithoutTokenIsNotReadAndAsksNothing() {
        InboxRead read = inbox.read(new ChannelAccess(7, network.baseUrl(), "herald", Map.of()), "notifications",
                Optional.empty(), lookBack, 100);

        assertTrue(assertInstanceOf(PublishResult.Rejected.class, assertInstanceOf(InboxRead.Failed.class, read).why())
                .reconnect());
        assertTrue(network.received().isEmpty());
    }

    @Test
    void likingIsTheOnlyModerationMastodonAllows() {
        network.on("POST", "/api/v1/statuses/9002/favourite",
                Answer.json(200, "{\"id\": \"9002\", \"favourited\": true}"));
        ReplyTarget target = new ReplyTarget("9002", Map.of("visibility", "public", "mention", "@alice"));

        assertEquals(Optional.empty(), inbox.moderate(channel(), Moderation.LIKE, target));
        assertEquals(EnumSet.of(Moderation.LIKE), inbox.moderation(InteractionKind.COMMENT));
        assertEquals(EnumSet.of(Moderation.LIKE), inbox.moderation(InteractionKind.MESSAGE));
        assertEquals(EnumSet.noneOf(Moderation.class), inbox.moderation(InteractionKind.FOLLOW));
        FakeNetwork.Received like = network.received("POST", "/api/v1/statuses/9002/favourite").get(0);
        assertEquals("Bearer tok-1", like.header("Authorization"));

        Optional<String> hide = inbox.moderate(channel(), Moderation.HIDE, target);
        assertTrue(hide.isPresent() && hide.get().contains("not hide or delete"), hide.toString());
        assertEquals(1, network.received().size(), "hiding asks nothing of Mastodon");
        assertEquals(hide, inbox.limits());
    }

    @Test
    void aLikeMastodonRefusesSaysWhy() {
        network.on("POST", "/api/v1/statuses/9002/favourite", Answer.json(404, "{\"error\": \"Record not found\"}"));

        Optional<String> reason = inbox.moderate(channel(), Moderation.LIKE, ReplyTarget.of("9002"));

        assertTrue(reason.isPresent() && reason.get().contains("Record not found"), reason.toString());
    }
}
