package app.herald.publishing.infrastructure;

import static app.herald.publishing.infrastructure.FacebookInboxTest.query;
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
import app.herald.publishing.domain.PublishResult;
import app.herald.publishing.domain.ReplyTarget;
import app.herald.testsupport.FakeNetwork;
import app.herald.testsupport.FakeNetwork.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An Instagram professional account's comments and tags through the Instagram Graph API (IG User media and tags,
 * IG Media comments with their replies, IG Comment hide and delete), played by a fake Graph on loopback.
 */
class InstagramInboxTest {

    private static final String IG = "17841405822304914";
    private static final String MEDIA_NEW = "17920238422030506";
    private static final String MEDIA_OLD = "17920238422030001";
    private static final Instant LOOK_BACK = Instant.parse("2025-03-01T00:00:00Z");
    private static final String COMMENT_FIELDS = "id,text,timestamp,username,from{id,username},hidden,like_count,"
            + "replies{id,text,timestamp,username,from{id,username},hidden}";

    private final FakeNetwork network = new FakeNetwork();
    private final InstagramInbox inbox = new InstagramInbox(Duration.ofMillis(800));

    @AfterEach
    void tearDown() {
        network.close();
    }

    private ChannelAccess channel() {
        return new ChannelAccess(13, network.baseUrl() + "/v21.0", IG, Map.of("access_token", "ig-token"));
    }

    private void account() {
        network.on("GET", "/v21.0/" + IG, Answer.json(200, "{\"username\": \"acmecoffee\", \"id\": \"" + IG + "\"}"));
    }

    /** The account's media newest first; the second page reaches back past the look-back. */
    private void media() {
        network.on("GET", "/v21.0/" + IG + "/media", r -> "media-after-1".equals(query(r.query()).get("after"))
                ? Answer.json(200, """
                {"data": [{"id": "%s", "timestamp": "2025-03-02T08:00:00+0000",
                           "permalink": "https://www.instagram.com/p/OLD/"},
                          {"id": "17920238422029999", "timestamp": "2025-02-20T08:00:00+0000",
                           "permalink": "https://www.instagram.com/p/OLDEST/"}],
                 "paging": {"cursors": {"before": "b", "after": "media-after-2"},
                            "next": "https://graph.facebook.com/v21.0/x/media?after=media-after-2"}}"""
                .formatted(MEDIA_OLD))
                : Answer.json(200, """
                {"data": [{"id": "%s", "timestamp": "2025-03-04T10:00:00+0000",
                           "permalink": "https://www.instagram.com/p/C4bZ7xLyQ1k/"}],
                 "paging": {"cursors": {"before": "a", "after": "media-after-1"},
                            "next": "https://graph.facebook.com/v21.0/x/media?after=media-after-1"}}"""
                .formatted(MEDIA_NEW)));
    }

    /** The new media's comments over two pages, with a reply nested under a comment of the second page. */
    private void comments() {
        network.on("GET", "/v21.0/" + MEDIA_NEW + "/comments", r -> "comments-after-1"
                .equals(query(r.query()).get("after"))
                ? Answer.json(200, """
                {"data": [{"id": "17870913679156914", "text": "First!", "timestamp": "2025-03-04T10:05:00+0000",
                           "username": "early_bird", "hidden": false, "like_count": 2,
                           "replies": {"data": [
                              {"id": "17873440459141022", "text": "@early_bird thank you!",
                               "timestamp": "2025-03-05T09:00:00+0000", "username": "acmecoffee",
                               "from": {"id": "%s", "username": "acmecoffee"}, "hidden": false},
                              {"id": "17873440459141023", "text": "Me too",
                               "timestamp": "2025-03-05T10:00:00+0000", "username": "lena.k",
                               "from": {"id": "2791", "username": "lena.k"}, "hidden": false}]}}]}""".formatted(IG))
                : Answer.json(200, """
                {"data": [{"id": "17873440459141021", "text": "I love this!", "timestamp": "2025-03-05T08:00:00+0000",
                           "username": "coffee.fan", "from": {"id": "1799", "username": "coffee.fan"},
                           "hidden": false, "like_count": 0}],
                 "paging": {"cursors": {"before": "x", "after": "comments-after-1"},
                            "next": "https://graph.facebook.com/v21.0/x/comments?after=comments-after-1"}}"""));
        network.on("GET", "/v21.0/" + MEDIA_OLD + "/comments", Answer.json(200, "{\"data\": []}"));
    }

    @Test
    void commentsAndTheirNestedRepliesAreReadFromTheMediaOfTheLookBack() {
        account();
        media();
        comments();

        InboxRead.Page page = assertInstanceOf(InboxRead.Page.class,
                inbox.read(channel(), "comments", Optional.empty(), LOOK_BACK, 100));

        assertEquals(List.of("17870913679156914", "17873440459141021", "17873440459141022", "17873440459141023"),
                page.items().stream().map(Incoming::itemId).toList());
        assertEquals(Optional.of(String.valueOf(Instant.parse("2025-03-05T10:00:00Z").getEpochSecond())),
                page.cursor());
        List<FakeNetwork.Received> mediaCalls = network.received("GET", "/v21.0/" + IG + "/media");
        assertEquals(2, mediaCalls.size(), "the page that reached the look-back is the last one asked for");
        assertEquals(Map.of("fields", "id,timestamp,permalink", "since", String.valueOf(LOOK_BACK.getEpochSecond()),
                "limit", "50"), query(mediaCalls.get(0).query()));
        assertEquals("Bearer ig-token", mediaCalls.get(0).header("Authorization"));
        List<FakeNetwork.Received> commentCalls = network.received("GET", "/v21.0/" + MEDIA_NEW + "/comments");
        assertEquals(2, commentCalls.size());
        assertEquals(Map.of("fields", COMMENT_FIELDS, "limit", "50"), query(commentCalls.get(0).query()));
        assertEquals("comments-after-1", query(commentCalls.get(1).query()).get("after"));
        assertEquals(1, network.received("GET", "/v21.0/" + MEDIA_OLD + "/comments").size());
        assertTrue(network.received("GET", "/v21.0/17920238422029999/comments").isEmpty());
        assertEquals("fields=username", network.received("GET", "/v21.0/" + IG).get(0).query());
    }

    @Test
    void kindsAuthorsAndTargetsFollowTheThread() {
        account();
        media();
        comments();

        List<Incoming> items = ((InboxRead.Page) inbox.read(channel(), "comments", Optional.empty(), LOOK_BACK, 100))
                .items();

        Incoming withoutFrom = items.get(0);
        assertEquals(InteractionKind.COMMENT, withoutFrom.kind());
        assertEquals("username:early_bird", withoutFrom.author().id());
        assertEquals("early_bird", withoutFrom.author().handle());
        assertEquals(MEDIA_NEW, withoutFrom.parentId());
        assertNull(withoutFrom.rootId());
        assertEquals("https://www.instagram.com/p/C4bZ7xLyQ1k/", withoutFrom.url());

        Incoming comment = items.get(1);
        assertEquals("1799", comment.author().id());
        assertEquals("I love this!", comment.text());

        Incoming own = items.get(2);
        assertTrue(own.fromChannel(), "the account's own reply comes back marked as the channel's");
        assertEquals(InteractionKind.REPLY, own.kind());

        Incoming reply = items.get(3);
        assertEquals(InteractionKind.REPLY, reply.kind());
        assertFalse(reply.fromChannel());
        assertEquals("17870913679156914", reply.parentId());
        assertEquals(MEDIA_NEW, reply.rootId());
        assertEquals("17873440459141023", reply.replyTarget().parentId());
        assertEquals(Optional.of("17870913679156914"), reply.replyTarget().ref("thread"),
                "Instagram takes replies on top-level comments only");
    }

    @Test
    void aLaterReadingKeepsOnlyWhatCameAfterTheCursor() {
        account();
        media();
        comments();
        String cursor = String.valueOf(Instant.parse("2025-03-05T09:00:00Z").getEpochSecond());

        InboxRead.Page page = assertInstanceOf(InboxRead.Page.class,
                inbox.read(channel(), "comments", Optional.of(cursor), LOOK_BACK, 100));

        assertEquals(List.of("17873440459141022", "17873440459141023"),
                page.items().stream().map(Incoming::itemId).toList());
    }

    @Test
    void tagsBecomeMentionsAnswerableWhenTheCaptionNamesTheAccount() {
        account();
        network.on("GET", "/v21.0/" + IG + "/tags", r -> "tags-after-1".equals(query(r.query()).get("after"))
                ? Answer.json(200, """
                {"data": [{"id": "18011", "caption": "Team photo", "timestamp": "2025-03-03T12:00:00+0000",
                           "username": "barista.jo", "permalink": "https://www.instagram.com/p/TAG2/"},
                          {"id": "18010", "caption": "Long ago", "timestamp": "2025-02-10T12:00:00+0000",
                           "username": "someone", "permalink": "https://www.instagram.com/p/TAG1/"}],
                 "paging": {"cursors": {"after": "tags-after-2"},
                            "next": "https://graph.facebook.com/v21.0/x/tags?after=tags-after-2"}}""")
                : Answer.json(200, """
                {"data": [{"id": "18012", "caption": "Best flat white at @AcmeCoffee",
                           "timestamp": "2025-03-05T12:00:00+0000",
                           "username": "lena.k", "permalink": "https://www.instagram.com/p/TAG3/"}],
                 "paging": {"cursors": {"after": "tags-after-1"},
                            "next": "https://graph.facebook.com/v21.0/x/tags?after=tags-after-1"}}"""));

        InboxRead.Page page = assertInstanceOf(InboxRead.Page.class,
                inbox.read(channel(), "mentions", Optional.empty(), LOOK_BACK, 100));

        assertEquals(List.of("18011", "18012"), page.items().stream().map(Incoming::itemId).toList());
        Incoming tagged = page.items().get(0);
        assertEquals(InteractionKind.MENTION, tagged.kind());
        assertEquals("username:barista.jo", tagged.author().id());
        assertNull(tagged.replyTarget(), "a photo tag alone cannot be answered");
        Incoming mentioned = page.items().get(1);
        assertEquals("Best flat white at @AcmeCoffee", mentioned.text());
        assertEquals("https://www.instagram.com/p/TAG3/", mentioned.url());
        assertEquals(new ReplyTarget("18012", Map.of("kind", "mention")), mentioned.replyTarget());
        List<FakeNetwork.Received> calls = network.received("GET", "/v21.0/" + IG + "/tags");
        assertEquals(2, calls.size());
        assertEquals(Map.of("fields", "id,caption,timestamp,username,permalink", "limit", "50"),
                query(calls.get(0).query()));
    }

    @Test
    void aRateLimitWaitsAsLongAsInstagramAsks() {
        network.on("GET", "/v21.0/" + IG, Answer.json(429, """
                {"error": {"message": "Application request limit reached", "type": "OAuthException", "code": 4}}""")
                .withHeader("Retry-After", "120"));

        PublishResult.RetryLater later = assertInstanceOf(PublishResult.RetryLater.class, assertInstanceOf(
                InboxRead.Failed.class, inbox.read(channel(), "comments", Optional.empty(), LOOK_BACK, 100)).why());

        assertEquals(Duration.ofSeconds(120), later.retryAfter());
    }

    @Test
    void anInvalidTokenAsksForReconnection() {
        network.on("GET", "/v21.0/" + IG,
                Answer.json(401, "{\"error\": {\"message\": \"Invalid OAuth access token.\"}}"));

        assertTrue(assertInstanceOf(PublishResult.Rejected.class, assertInstanceOf(InboxRead.Failed.class,
                inbox.read(channel(), "mentions", Optional.empty(), LOOK_BACK, 100)).why()).reconnect());
    }

    @Test
    void aMissingCommentsPermissionSaysHowToEnableTheInbox() {
        account();
        media();
        network.on("GET", "/v21.0/" + MEDIA_NEW + "/comments", Answer.json(400, """
                {"error": {"message": "(#10) Application does not have permission for this action",
                           "type": "OAuthException", "code": 10}}"""));

        PublishResult.Rejected rejected = assertInstanceOf(PublishResult.Rejected.class, assertInstanceOf(
                InboxRead.Failed.class, inbox.read(channel(), "comments", Optional.empty(), LOOK_BACK, 100)).why());

        assertFalse(rejected.reconnect());
        assertTrue(rejected.reason().endsWith("Reconnect the channel to enable the inbox."), rejected.reason());
    }

    @Test
    void commentsCanBeHiddenShownAndDeletedButNotLiked() {
        String comment = "17873440459141021";
        network.on("POST", "/v21.0/" + comment, Answer.json(200, "{\"success\": true}"));
        network.on("DELETE", "/v21.0/" + comment, Answer.json(200, "{\"success\": true}"));
        ReplyTarget target = new ReplyTarget(comment, Map.of("thread", comment));

        assertEquals(Optional.empty(), inbox.moderate(channel(), Moderation.HIDE, target));
        assertEquals(Optional.empty(), inbox.moderate(channel(), Moderation.UNHIDE, target));
        assertEquals(Optional.empty(), inbox.moderate(channel(), Moderation.DELETE, target));
        assertTrue(inbox.moderate(channel(), Moderation.LIKE, target).isPresent());

        List<FakeNetwork.Received> posts = network.received("POST", "/v21.0/" + comment);
        assertEquals(List.of("hide=true", "hide=false"), posts.stream().map(FakeNetwork.Received::text).toList());
        assertEquals("Bearer ig-token", posts.get(0).header("Authorization"));
        assertEquals(1, network.received("DELETE", "/v21.0/" + comment).size());
        assertEquals(3, network.received().size(), "liking asks nothing of Instagram");
        assertEquals(EnumSet.of(Moderation.HIDE, Moderation.UNHIDE, Moderation.DELETE),
                inbox.moderation(InteractionKind.REPLY));
        assertEquals(EnumSet.noneOf(Moderation.class), inbox.moderation(InteractionKind.MENTION));
    }

    @Test
    void anUnconfirmedHidingIsReportedAsSuch() {
        network.on("POST", "/v21.0/c1", Answer.json(200, "{\"success\": false}"));

        assertTrue(inbox.moderate(channel(), Moderation.HIDE, ReplyTarget.of("c1")).isPresent());
    }

    @Test
    void theInboxScreenLearnsThatCommentMentionsComeOnlyByWebhook() {
        assertTrue(inbox.limits().orElseThrow().contains("only through its webhook"));
        assertEquals(List.of("comments", "mentions"), inbox.streams());
    }
}
