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
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** LinkedIn's Posts, Comments and Reactions APIs (Community Management, learn.microsoft.com), played on loopback. */
class LinkedInInboxTest {

    private static final String ORG = "urn:li:organization:5515715";
    private static final String POST = "urn:li:share:6844785523593134080";
    private static final String OTHER_POST = "urn:li:ugcPost:6844785523593134999";
    private static final String ACTIVITY = "urn:li:activity:6844785523593134085";
    private static final Instant LOOK_BACK = Instant.parse("2025-10-01T00:00:00Z");
    private static final long DAY = 86_400_000L;
    private static final long T0 = LOOK_BACK.toEpochMilli();

    private final FakeNetwork network = new FakeNetwork();
    private final LinkedInInbox inbox = new LinkedInInbox(Duration.ofMillis(800));

    @AfterEach
    void tearDown() {
        network.close();
    }

    private ChannelAccess channel(String account, Map<String, String> changes) {
        Map<String, String> credentials = new HashMap<>(Map.of(
                "access_token", "tok-1", "refresh_token", "ref-1",
                "expires_at", String.valueOf(Instant.now().plusSeconds(86_400).getEpochSecond()),
                "app_client_id", "client-1", "app_client_secret", "secret-1",
                "app_token_url", network.baseUrl() + "/oauth/v2/accessToken"));
        credentials.putAll(changes);
        credentials.values().removeIf(String::isEmpty);
        return new ChannelAccess(9, network.baseUrl(), account, credentials);
    }

    private ChannelAccess channel() {
        return channel(ORG, Map.of());
    }

    private static String commentUrn(long id) {
        return "urn:li:comment:(" + ACTIVITY + "," + id + ")";
    }

    /** A comment as the Comments API returns it; {@code parent} may be null, {@code edited} 0 when never edited. */
    private static String comment(long id, String actor, long created, long edited, String text, String parent,
                                  int nested) {
        return """
                {"actor": "%s", "agent": "urn:li:person:agent1", "commentUrn": "%s", "id": "%d",
                 "created": {"actor": "%s", "time": %d}, "lastModified": {"actor": "%s", "time": %d},
                 "message": {"text": "%s", "attributes": []}, "object": "%s",%s
                 "likesSummary": {"totalLikes": 0, "likedByCurrentUser": false},
                 "commentsSummary": {"totalFirstLevelComments": %d, "aggregatedTotalComments": %d}}"""
                .formatted(actor, commentUrn(id), id, actor, created, actor, edited == 0 ? created : edited, text,
                        ACTIVITY, parent == null ? "" : " \"parentComment\": \"" + parent + "\",", nested, nested);
    }

    private static String elements(long total, String... elements) {
        return "{\"paging\": {\"start\": 0, \"count\": 50, \"total\": " + total + ", \"links\": []}, \"elements\": ["
                + String.join(", ", elements) + "]}";
    }

    private static String post(String urn, long lastModified) {
        return """
                {"id": "%s", "author": "%s", "commentary": "News", "visibility": "PUBLIC",
                 "lifecycleState": "PUBLISHED", "createdAt": %d, "publishedAt": %d, "lastModifiedAt": %d}"""
                .formatted(urn, ORG, lastModified - 1000, lastModified - 1000, lastModified);
    }

    private void posts(String... posts) {
        network.on("GET", "/rest/posts", Answer.json(200, elements(posts.length, posts)));
    }

    private static void assertVersionedRequest(FakeNetwork.Received request) {
        assertEquals("Bearer tok-1", request.header("Authorization"));
        assertEquals("202510", request.header("Linkedin-Version"));
        assertEquals("2.0.0", request.header("X-Restli-Protocol-Version"));
    }

    private static InboxRead.Page page(InboxRead read) {
        return assertInstanceOf(InboxRead.Page.class, read);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void theFirstReadingListsThePagesRecentPostsAndPagesThroughTheirComments() {
        posts(post(POST, T0 + 3 * DAY), post(OTHER_POST, T0 - DAY));
        String firstPage = IntStream.range(0, 50).mapToObj(i -> comment(1000 + i, "urn:li:person:p" + i,
                T0 + DAY + i, 0, "Comment " + i, null, 0)).collect(Collectors.joining(", "));
        network.on("GET", "/rest/socialActions/" + POST + "/comments", r -> r.query().startsWith("start=50")
                ? Answer.json(200, elements(51, comment(2000, "urn:li:person:late", T0 + 2 * DAY, 0, "Last", null, 0)))
                : Answer.json(200, elements(51, firstPage)));

        InboxRead.Page page = page(inbox.read(channel(), "comments", Optional.empty(), LOOK_BACK, 500));

        assertEquals(51, page.items().size());
        assertEquals(commentUrn(1000), page.items().get(0).itemId());
        assertEquals(commentUrn(2000), page.items().get(50).itemId());
        assertEquals(Optional.of(String.valueOf(T0 + 2 * DAY)), page.cursor());
        assertFalse(page.truncated());
        FakeNetwork.Received finder = network.received("GET", "/rest/posts").get(0);
        assertEquals("author=urn%3Ali%3Aorganization%3A5515715&q=author&count=50&start=0&sortBy=LAST_MODIFIED",
                finder.query());
        assertEquals("FINDER", finder.header("X-RestLi-Method"));
        assertVersionedRequest(finder);
        List<FakeNetwork.Received> listings = network.received("GET", "/rest/socialActions/" + POST + "/comments");
        assertEquals(List.of("start=0&count=50", "start=50&count=50"), listings.stream()
                .map(FakeNetwork.Received::query).toList());
        assertVersionedRequest(listings.get(1));
        assertTrue(network.received("GET", "/rest/socialActions/" + OTHER_POST + "/comments").isEmpty(),
                "a post last touched before the look-back is not read");
        assertEquals(1, network.received("GET", "/rest/posts").size());
    }

    @Test
    void commentsAndTheirNestedRepliesAreMappedWithWhatAnAnswerNeeds() {
        posts(post(POST, T0 + 3 * DAY));
        network.on("GET", "/rest/socialActions/" + POST + "/comments", Answer.json(200, elements(2,
                comment(501, "urn:li:person:ana", T0 + DAY, 0, "Love it", null, 2),
                comment(502, "urn:li:organization:777", T0 + DAY + 5, T0 + 2 * DAY, "We agree (edited)", null, 0))));
        network.on("GET", "/rest/socialActions/" + commentUrn(501) + "/comments", Answer.json(200, elements(2,
                comment(601, ORG, T0 + DAY + 60_000, 0, "Thanks Ana!", commentUrn(501), 0),
                comment(602, "urn:li:person:bo", T0 + DAY + 120_000, 0, "Me too", commentUrn(501), 0))));

        List<Incoming> items = page(inbox.read(channel(), "comments", Optional.empty(), LOOK_BACK, 500)).items();

        assertEquals(List.of(commentUrn(501), commentUrn(601), commentUrn(602), commentUrn(502)),
                items.stream().map(Incoming::itemId).toList());
        Incoming top = items.get(0);
        assertEquals(InteractionKind.COMMENT, top.kind());
        assertEquals(new Person("urn:li:person:ana", null, null, null, null), top.author());
        assertEquals("Love it", top.text());
        assertEquals(Optional.of(POST), top.parent());
        assertEquals(Optional.empty(), top.root());
        assertEquals(Instant.ofEpochMilli(T0 + DAY), top.occurredAt());
        assertEquals("https://www.linkedin.com/feed/update/" + POST + "/?commentUrn=urn%3Ali%3Acomment%3A%28"
                + "urn%3Ali%3Aactivity%3A6844785523593134085%2C501%29", top.url());
        assertEquals(new ReplyTarget(commentUrn(501), Map.of("post", POST, "comment", commentUrn(501))),
                top.replyTarget());
        assertFalse(top.fromChannel());

        Incoming own = items.get(1);
        assertEquals(InteractionKind.REPLY, own.kind());
        assertTrue(own.fromChannel(), "the page's own answer is marked as its own");

        Incoming nested = items.get(2);
        assertEquals(InteractionKind.REPLY, nested.kind());
        assertEquals(Optional.of(commentUrn(501)), nested.parent());
        assertEquals(Optional.of(POST), nested.root());
        assertEquals(new ReplyTarget(commentUrn(602), Map.of("post", POST, "comment", commentUrn(501))),
                nested.replyTarget(), "LinkedIn nests one level: an answer goes under the top-level comment");

        Incoming edited = items.get(3);
        assertEquals(Instant.ofEpochMilli(T0 + 2 * DAY), edited.editedAt());
        assertEquals(Instant.ofEpochMilli(T0 + DAY + 5), edited.occurredAt());
        assertNull(top.editedAt());
        assertTrue(network.received("GET", "/rest/socialActions/" + commentUrn(502) + "/comments").isEmpty(),
                "a comment LinkedIn counts no answers under is not listed");
    }

    @Test
    void aLaterReadingKeepsWhatWasWrittenOrEditedSinceTheCursor() {
        posts(post(POST, T0 + 3 * DAY));
        network.on("GET", "/rest/socialActions/" + POST + "/comments", Answer.json(200, elements(3,
                comment(501, "urn:li:person:ana", T0 + DAY, 0, "Old", null, 0),
                comment(502, "urn:li:person:bo", T0 + DAY + 10, T0 + 2 * DAY + 30, "Old but edited", null, 0),
                comment(503, "urn:li:person:cy", T0 + 2 * DAY + 20, 0, "New", null, 0))));

        InboxRead.Page page = page(inbox.read(channel(), "comments", Optional.of(String.valueOf(T0 + 2 * DAY)),
                LOOK_BACK, 500));

        assertEquals(List.of(commentUrn(503), commentUrn(502)), page.items().stream().map(Incoming::itemId).toList());
        assertEquals(Optional.of(String.valueOf(T0 + 2 * DAY + 30)), page.cursor());
    }

    @Test
    void commentsOlderThanTheLookBackAreLeftOut() {
        posts(post(POST, T0 + DAY));
        network.on("GET", "/rest/socialActions/" + POST + "/comments", Answer.json(200, elements(2,
                comment(501, "urn:li:person:ana", T0 - 1, 0, "Before", null, 0),
                comment(502, "urn:li:person:bo", T0 + 1, 0, "After", null, 0))));

        InboxRead.Page page = page(inbox.read(channel(), "comments", Optional.empty(), LOOK_BACK, 500));

        assertEquals(List.of(commentUrn(502)), page.items().stream().map(Incoming::itemId).toList());
    }

    @Test
    void moreThanOneReadingTakesKeepsTheOldestAndGoesOnFromTheLastOneTaken() {
        posts(post(POST, T0 + 3 * DAY));
        network.on("GET", "/rest/socialActions/" + POST + "/comments", Answer.json(200, elements(3,
                comment(503, "urn:li:person:cy", T0 + 30, 0, "c", null, 0),
                comment(501, "urn:li:person:ana", T0 + 10, 0, "a", null, 0),
                comment(502, "urn:li:person:bo", T0 + 20, 0, "b", null, 0))));

        InboxRead.Page page = page(inbox.read(channel(), "comments", Optional.empty(), LOOK_BACK, 2));

        assertEquals(List.of(commentUrn(501), commentUrn(502)), page.items().stream().map(Incoming::itemId).toList());
        assertEquals(Optional.of(String.valueOf(T0 + 20)), page.cursor());
        assertTrue(page.truncated());
    }

    @Test
    void aPersonalProfileHasNoInboxAndLinkedInIsNotAsked() {
        InboxRead read = inbox.read(channel("urn:li:person:782bbtaQ", Map.of()), "comments", Optional.empty(),
                LOOK_BACK, 500);

        assertEquals(new PublishResult.Rejected("LinkedIn offers no inbox for personal profiles; connect an "
                + "organization page to answer comments.", false),
                assertInstanceOf(InboxRead.Failed.class, read).why());
        assertTrue(network.received().isEmpty());
        assertTrue(inbox.limits().orElseThrow().contains("personal profiles have no inbox"));
    }

    @Test
    void aRateLimitWaitsAsLinkedInAsks() {
        network.on("GET", "/rest/posts", Answer.json(429, "{\"status\": 429, \"message\": \"Resource level "
                + "throttle APPLICATION DAY limit for calls to this resource is reached.\"}").withHeader("Retry-After",
                "30"));

        InboxRead.Failed failed = assertInstanceOf(InboxRead.Failed.class,
                inbox.read(channel(), "comments", Optional.empty(), LOOK_BACK, 500));

        assertEquals(Duration.ofSeconds(30), assertInstanceOf(PublishResult.RetryLater.class, failed.why())
                .retryAfter());
    }

    @Test
    void aRevokedTokenAsksForReconnection() {
        posts(post(POST, T0 + DAY));
        network.on("GET", "/rest/socialActions/" + POST + "/comments", Answer.json(401, "{\"status\": 401,"
                + " \"serviceErrorCode\": 65601, \"code\": \"REVOKED_ACCESS_TOKEN\","
                + " \"message\": \"The token used in the request has been revoked by the user\"}"));

        InboxRead.Failed failed = assertInstanceOf(InboxRead.Failed.class, inbox.read(channel(ORG,
                Map.of("refresh_token", "")), "comments", Optional.empty(), LOOK_BACK, 500));

        assertTrue(assertInstanceOf(PublishResult.Rejected.class, failed.why()).reconnect());
    }

    @Test
    void aMissingPermissionAsksToReconnectForTheInbox() {
        network.on("GET", "/rest/posts", Answer.json(403, "{\"status\": 403, \"serviceErrorCode\": 100,"
                + " \"code\": \"ACCESS_DENIED\","
                + " \"message\": \"Not enough permissions to access: posts.FINDER-author\"}"));

        PublishResult.Rejected rejected = assertInstanceOf(PublishResult.Rejected.class, assertInstanceOf(
                InboxRead.Failed.class, inbox.read(channel(), "comments", Optional.empty(), LOOK_BACK, 500)).why());

        assertFalse(rejected.reconnect());
        assertTrue(rejected.reason().contains("Not enough permissions")
                && rejected.reason().endsWith("to enable the inbox."), rejected.reason());
    }

    @Test
    void aCommentIsDeletedAsThePageUnderItsPost() {
        network.on("DELETE", "/rest/socialActions/" + POST + "/comments/501", new Answer(204, "", Map.of(), 0));

        Optional<String> refusal = inbox.moderate(channel(), Moderation.DELETE, new ReplyTarget(commentUrn(501),
                Map.of("post", POST, "comment", commentUrn(501))));

        assertEquals(Optional.empty(), refusal);
        FakeNetwork.Received sent = network.received("DELETE", "/rest/socialActions/" + POST + "/comments/501").get(0);
        assertEquals("actor=urn%3Ali%3Aorganization%3A5515715", sent.query());
        assertVersionedRequest(sent);
    }

    @Test
    void aRefusedDeletionIsSaidInLinkedInsWords() {
        network.on("DELETE", "/rest/socialActions/" + POST + "/comments/501", Answer.json(403, "{\"status\": 403,"
                + " \"message\": \"Not enough permissions to access: socialActions.comments.DELETE\"}"));

        Optional<String> refusal = inbox.moderate(channel(), Moderation.DELETE, new ReplyTarget(commentUrn(501),
                Map.of("post", POST, "comment", commentUrn(501))));

        assertTrue(refusal.orElseThrow().contains("Not enough permissions"), refusal.toString());
    }

    @Test
    void aCommentIsLikedAsThePage() {
        network.on("POST", "/rest/reactions", new Answer(201, "", Map.of("x-restli-id",
                "urn:li:reaction:(" + ORG + "," + commentUrn(501) + ")"), 0));

        assertEquals(Optional.empty(), inbox.moderate(channel(), Moderation.LIKE, new ReplyTarget(commentUrn(501),
                Map.of("post", POST, "comment", commentUrn(501)))));

        FakeNetwork.Received sent = network.received("POST", "/rest/reactions").get(0);
        assertEquals("actor=urn%3Ali%3Aorganization%3A5515715", sent.query());
        assertEquals(json("{\"root\": \"" + commentUrn(501) + "\", \"reactionType\": \"LIKE\"}"), json(sent.text()));
        assertVersionedRequest(sent);
    }

    @Test
    void linkedInHasNoHidingAndOnlyCommentsCanBeModerated() {
        Optional<String> refusal = inbox.moderate(channel(), Moderation.HIDE, ReplyTarget.of(commentUrn(501)));

        assertTrue(refusal.isPresent());
        assertTrue(network.received().isEmpty());
        assertEquals(EnumSet.of(Moderation.DELETE, Moderation.LIKE), inbox.moderation(InteractionKind.COMMENT));
        assertEquals(EnumSet.of(Moderation.DELETE, Moderation.LIKE), inbox.moderation(InteractionKind.REPLY));
        assertEquals(EnumSet.noneOf(Moderation.class), inbox.moderation(InteractionKind.MENTION));
        assertEquals(List.of("comments"), inbox.streams());
    }
}
