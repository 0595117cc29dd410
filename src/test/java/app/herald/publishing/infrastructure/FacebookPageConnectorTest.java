package app.herald.publishing.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.publishing.domain.AccountCheck;
import app.herald.publishing.domain.ChannelAccess;
import app.herald.publishing.domain.LookupResult;
import app.herald.publishing.domain.Metric;
import app.herald.publishing.domain.MetricReading;
import app.herald.publishing.domain.Outgoing;
import app.herald.publishing.domain.OutgoingMedia;
import app.herald.publishing.domain.PublishResult;
import app.herald.publishing.domain.ReplyTarget;
import app.herald.testsupport.FakeNetwork.Answer;
import app.herald.testsupport.FakeNetwork;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Graph API for Pages (developers.facebook.com/docs/pages-api), played by a fake Graph on loopback. */
class FacebookPageConnectorTest {

    private static final String PAGE = "546349135390552";
    private static final String POST = PAGE + "_1116692661689527";
    private static final String COMMENT = "1116692661689527_310";
    private static final Instant NOW = Instant.parse("2025-03-06T10:00:00Z");

    private final FakeNetwork network = new FakeNetwork();
    private final FacebookPageConnector connector = new FacebookPageConnector(Duration.ofMillis(800));
    private final FacebookPageConnector answering = new FacebookPageConnector(Duration.ofMillis(800),
            Clock.fixed(NOW, ZoneOffset.UTC));
    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        network.close();
    }

    private ChannelAccess channel() {
        return new ChannelAccess(11, network.baseUrl() + "/v21.0", PAGE, Map.of("access_token", "page-token"));
    }

    private static Outgoing text(String text) {
        return new Outgoing(42, "pub-42-key", text);
    }

    private static Answer graphError(int status, int code, String message) {
        return Answer.json(status, "{\"error\": {\"message\": \"" + message + "\", \"type\": \"OAuthException\", \"code\": "
                + code + ", \"error_subcode\": 463, \"fbtrace_id\": \"AbCdEf\"}}");
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void postsTextToThePageFeedWithThePageTokenInTheHeader(Sending sending) {
        network.on("POST", "/v21.0/" + PAGE + "/feed", Answer.json(200, "{\"id\": \"" + POST + "\"}"));

        PublishResult result = sending.publish(connector, channel(), text("Hello & welcome"));

        assertEquals(new PublishResult.Published(POST, "https://www.facebook.com/" + POST), result);
        FakeNetwork.Received sent = network.received("POST", "/v21.0/" + PAGE + "/feed").get(0);
        assertEquals("Bearer page-token", sent.header("Authorization"));
        assertEquals("application/x-www-form-urlencoded", sent.header("Content-Type"));
        assertEquals("message=Hello+%26+welcome", sent.text());
    }

    @Test
    void wordsOnlyGoToTheFeedWithoutTheCallerWaitingForGraphsAnswer() throws Exception {
        Runnable answer = network.holding("POST", "/v21.0/" + PAGE + "/feed", Answer.json(200, "{\"id\": \"" + POST
                + "\"}"));

        CompletableFuture<PublishResult> sent = connector.publishLater(channel(), text("Hello & welcome"));

        assertFalse(sent.isDone(), "the caller got its thread back before Graph answered");
        answer.run();
        assertEquals(new PublishResult.Published(POST, "https://www.facebook.com/" + POST),
                sent.get(5, TimeUnit.SECONDS));
        assertEquals("message=Hello+%26+welcome", network.received("POST", "/v21.0/" + PAGE + "/feed").get(0).text());
    }

    @Test
    void anImageIsUploadedAsAPhotoWithTheTextAsCaptionWithoutTheCallerWaitingForGraphsAnswer() throws Exception {
        Path file = Files.write(dir.resolve("shop.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 5});
        Runnable answer = network.holding("POST", "/v21.0/" + PAGE + "/photos",
                Answer.json(200, "{\"id\": \"1116692665022860\", \"post_id\": \"" + POST + "\"}"));

        CompletableFuture<PublishResult> later = connector.publishLater(channel(), new Outgoing(42, "k", "Our shop",
                null, List.of(new OutgoingMedia("shop.jpg", "image/jpeg", 3, file, null))));

        assertFalse(later.isDone(), "the caller got its thread back before Graph answered");
        answer.run();
        assertEquals(new PublishResult.Published(POST, "https://www.facebook.com/" + POST),
                later.get(5, TimeUnit.SECONDS));
        FakeNetwork.Received sent = network.received("POST", "/v21.0/" + PAGE + "/photos").get(0);
        assertEquals("Bearer page-token", sent.header("Authorization"));
        assertTrue(sent.header("Content-Type").startsWith("multipart/form-data; boundary="));
        String form = new String(sent.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(form.contains("name=\"source\"; filename=\"shop.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n\u00FF\u00D8\u0005\r\n"), form);
        assertTrue(form.contains("name=\"caption\"") && form.contains("\r\n\r\nOur shop\r\n"), form);
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void anExpiredTokenAsksForReconnectionEvenWhenGraphAnswers400(Sending sending) {
        network.on("POST", "/v21.0/" + PAGE + "/feed",
                graphError(400, 190, "Error validating access token: Session has expired on Tuesday, 01-Jul-25."));

        PublishResult result = sending.publish(connector, channel(), text("Hi"));
        String reason = assertInstanceOf(PublishResult.Rejected.class, result).reason();
        assertTrue(reason.contains("Reconnect") && reason.contains("Session has expired"), reason);
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void aRateLimitCodeIsRetriedEvenWhenGraphAnswers400(Sending sending) {
        network.on("POST", "/v21.0/" + PAGE + "/feed", graphError(400, 32, "Page request limit reached"));

        assertInstanceOf(PublishResult.RetryLater.class, sending.publish(connector, channel(), text("Hi")));
    }

    @Test
    void a429IsRetriedAfterTheAskedDelay() {
        network.on("POST", "/v21.0/" + PAGE + "/feed", graphError(429, 4, "Application request limit reached")
                .withHeader("Retry-After", "30"));

        assertEquals(Duration.ofSeconds(30), assertInstanceOf(PublishResult.RetryLater.class,
                connector.publish(channel(), text("Hi"))).retryAfter());
    }

    @Test
    void aServerErrorIsRetried() {
        network.on("POST", "/v21.0/" + PAGE + "/feed", graphError(500, 2, "An unexpected error has occurred."));

        assertInstanceOf(PublishResult.RetryLater.class, connector.publish(channel(), text("Hi")));
    }

    @Test
    void anUnreadableSuccessIsUnconfirmed() {
        network.on("POST", "/v21.0/" + PAGE + "/feed", Answer.json(200, "true"));

        assertInstanceOf(PublishResult.Unconfirmed.class, connector.publish(channel(), text("Hi")));
    }

    @Test
    void noAnswerAfterTheRequestWasReceivedIsUnconfirmed() {
        network.on("POST", "/v21.0/" + PAGE + "/feed", Answer.json(200, "{\"id\": \"" + POST + "\"}").delayed(1_500));

        assertInstanceOf(PublishResult.Unconfirmed.class, connector.publish(channel(), text("Hi")));
    }

    @Test
    void lookupFindsThePostInTheRecentFeed() {
        network.on("GET", "/v21.0/" + PAGE + "/feed", Answer.json(200, """
                {"data": [{"id": "546349135390552_1", "message": "Older", "created_time": "2025-03-01T09:00:00+0000"},
                          {"id": "546349135390552_2", "message": "Hello  &\\nwelcome", "created_time": "2025-03-01T10:00:00+0000"}],
                 "paging": {"cursors": {"before": "a", "after": "b"}}}"""));

        LookupResult result = connector.lookup(channel(), text("Hello & welcome"));

        assertEquals(new LookupResult.Found(new PublishResult.Published("546349135390552_2",
                "https://www.facebook.com/546349135390552_2")), result);
        FakeNetwork.Received sent = network.received("GET", "/v21.0/" + PAGE + "/feed").get(0);
        assertEquals("fields=id,message,created_time&limit=25", sent.query());
        assertEquals("Bearer page-token", sent.header("Authorization"));
    }

    @Test
    void lookupReportsAbsentWhenTheFeedLacksThePost() {
        network.on("GET", "/v21.0/" + PAGE + "/feed", Answer.json(200, "{\"data\": [{\"id\": \"1_2\"}]}"));

        assertInstanceOf(LookupResult.Absent.class, connector.lookup(channel(), text("Hello")));
    }

    @Test
    void lookupIsUnknownWhenGraphCannotAnswer() {
        network.on("GET", "/v21.0/" + PAGE + "/feed", graphError(500, 1, "An unknown error occurred"));

        assertInstanceOf(LookupResult.Unknown.class, connector.lookup(channel(), text("Hello")));
    }

    @Test
    void metricsCombineThePostsCountsWithItsInsights() {
        network.on("GET", "/v21.0/" + POST, Answer.json(200, """
                {"reactions": {"data": [], "summary": {"total_count": 31, "viewer_reaction": "NONE"}},
                 "comments": {"data": [], "summary": {"order": "ranked", "total_count": 7, "can_comment": true}},
                 "shares": {"count": 3}, "id": "546349135390552_1116692661689527"}"""));
        network.on("GET", "/v21.0/" + POST + "/insights", Answer.json(200, """
                {"data": [{"name": "post_media_view", "period": "lifetime", "values": [{"value": 2400}],
                           "title": "Lifetime Media views", "id": "546349135390552_1116692661689527/insights/post_media_view/lifetime"},
                          {"name": "post_total_media_view_unique", "period": "lifetime", "values": [{"value": 1900}],
                           "title": "Lifetime Media viewers"},
                          {"name": "post_clicks", "period": "lifetime", "values": [{"value": 85}],
                           "title": "Lifetime Post Clicks"}],
                 "paging": {}}"""));

        MetricReading reading = connector.fetchMetrics(channel(), POST);

        assertEquals(OptionalLong.of(31), reading.value(Metric.LIKES));
        assertEquals(OptionalLong.of(7), reading.value(Metric.REPLIES));
        assertEquals(OptionalLong.of(3), reading.value(Metric.SHARES));
        assertEquals(OptionalLong.of(2400), reading.value(Metric.IMPRESSIONS));
        assertEquals(OptionalLong.of(1900), reading.value(Metric.REACH));
        assertEquals(OptionalLong.of(85), reading.value(Metric.LINK_CLICKS));
        assertEquals(OptionalLong.empty(), reading.value(Metric.SAVES));
        assertEquals("fields=reactions.summary(total_count),comments.summary(total_count),shares",
                network.received("GET", "/v21.0/" + POST).get(0).query());
        assertEquals("metric=post_media_view,post_total_media_view_unique,post_clicks",
                network.received("GET", "/v21.0/" + POST + "/insights").get(0).query());
        assertEquals(1, network.received("GET", "/v21.0/" + POST + "/insights").size());
    }

    @Test
    void aPostNobodySharedHasZeroSharesAndRefusedInsightsAreAbsent() {
        network.on("GET", "/v21.0/" + POST, Answer.json(200, """
                {"reactions": {"data": [], "summary": {"total_count": 2}},
                 "comments": {"data": [], "summary": {"total_count": 0}}, "id": "546349135390552_1116692661689527"}"""));
        network.on("GET", "/v21.0/" + POST + "/insights", graphError(400, 100, "(#100) The value must be a valid insights metric"));

        MetricReading reading = connector.fetchMetrics(channel(), POST);

        assertEquals(Map.of(Metric.LIKES, 2L, Metric.REPLIES, 0L, Metric.SHARES, 0L), reading.values());
    }

    @Test
    void validationNamesWhatHeraldCannotPublishToFacebook() {
        Path file = dir.resolve("x.png");
        OutgoingMedia image = new OutgoingMedia("x.png", "image/png", 1, file, null);

        assertEquals(List.of("Herald publishes one image per Facebook post; this one has 2."),
                connector.validate(new Outgoing(1, "k", "t", null, List.of(image, image))));
    }

    @Test
    void oneRetiredInsightsMetricDoesNotCostTheOthers() {
        network.on("GET", "/v21.0/" + POST, Answer.json(200, """
                {"reactions": {"data": [], "summary": {"total_count": 4}},
                 "comments": {"data": [], "summary": {"total_count": 1}}, "shares": {"count": 1},
                 "id": "546349135390552_1116692661689527"}"""));
        network.on("GET", "/v21.0/" + POST + "/insights", r -> switch (r.query()) {
            case "metric=post_total_media_view_unique" -> Answer.json(200,
                    "{\"data\": [{\"name\": \"post_total_media_view_unique\", \"period\": \"lifetime\", \"values\": [{\"value\": 700}]}]}");
            case "metric=post_clicks" -> Answer.json(200,
                    "{\"data\": [{\"name\": \"post_clicks\", \"period\": \"lifetime\", \"values\": [{\"value\": 12}]}]}");
            default -> graphError(400, 100, "(#100) The value must be a valid insights metric");
        });

        MetricReading reading = connector.fetchMetrics(channel(), POST);

        assertEquals(Map.of(Metric.LIKES, 4L, Metric.REPLIES, 1L, Metric.SHARES, 1L, Metric.REACH, 700L,
                Metric.LINK_CLICKS, 12L), reading.values());
        assertEquals(OptionalLong.empty(), reading.value(Metric.IMPRESSIONS));
        assertEquals(4, network.received("GET", "/v21.0/" + POST + "/insights").size());
    }

    @Test
    void insightsThatFailForAWhileMeanTheNumbersCannotBeReadNow() {
        network.on("GET", "/v21.0/" + POST, Answer.json(200, "{\"id\": \"" + POST + "\"}"));
        network.on("GET", "/v21.0/" + POST + "/insights", graphError(400, 4, "(#4) Application request limit reached"));

        assertThrows(IllegalStateException.class, () -> connector.fetchMetrics(channel(), POST));
    }

    @Test
    void followersAreReadFromThePage() {
        network.on("GET", "/v21.0/" + PAGE, Answer.json(200,
                "{\"followers_count\": 48211, \"fan_count\": 47950, \"id\": \"" + PAGE + "\"}"));

        MetricReading reading = connector.fetchChannelMetrics(channel());

        assertEquals(Map.of(Metric.FOLLOWERS, 48211L), reading.values());
        FakeNetwork.Received sent = network.received("GET", "/v21.0/" + PAGE).get(0);
        assertEquals("fields=followers_count,fan_count", sent.query());
        assertEquals("Bearer page-token", sent.header("Authorization"));
    }

    @Test
    void aPageWithoutFollowersCountFallsBackToItsFans() {
        network.on("GET", "/v21.0/" + PAGE, Answer.json(200, "{\"fan_count\": 1302, \"id\": \"" + PAGE + "\"}"));

        assertEquals(OptionalLong.of(1302), connector.fetchChannelMetrics(channel()).value(Metric.FOLLOWERS));
    }

    @Test
    void anExpiredPageTokenMeansTheFollowersCannotBeRead() {
        network.on("GET", "/v21.0/" + PAGE, graphError(400, 190, "Error validating access token: Session has expired"));

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> connector.fetchChannelMetrics(channel()));

        assertTrue(failure.getMessage().contains("Session has expired"), failure.getMessage());
    }

    @Test
    void connectingAsksTheGraphApiForThePagesName() {
        network.on("GET", "/v21.0/" + PAGE, r -> "Bearer page-token".equals(r.header("Authorization"))
                ? Answer.json(200, "{\"name\":\"Acme Coffee\",\"id\":\"" + PAGE + "\"}")
                : Answer.json(400, "{\"error\":{\"message\":\"Invalid OAuth access token.\",\"type\":\"OAuthException\",\"code\":190}}"));
        assertEquals(new AccountCheck.Confirmed("Acme Coffee"), connector.whoAmI(channel()));
        AccountCheck refused = connector.whoAmI(new ChannelAccess(11, network.baseUrl() + "/v21.0", PAGE, Map.of("access_token", "abc")));
        assertTrue(refused instanceof AccountCheck.Refused r && r.reason().contains("Invalid OAuth access token."), refused.toString());
    }

    private static Outgoing answer(String text, ReplyTarget target) {
        return Outgoing.reply(77, "reply-77-key", text, target);
    }

    private static ReplyTarget message(Instant lastMessageAt) {
        return new ReplyTarget("m_2", Map.of("kind", "message", "thread", "t_100", "recipient", "5001",
                "lastMessageAt", String.valueOf(lastMessageAt.getEpochSecond())));
    }

    @Test
    void aReplyIsAnsweredWithACommentOnItsThreadsFirstComment() {
        network.on("POST", "/v21.0/" + COMMENT + "/comments", Answer.json(200, "{\"id\": \"1116692661689527_330\"}"));
        network.on("GET", "/v21.0/1116692661689527_330", Answer.json(200, "{\"permalink_url\": "
                + "\"https://www.facebook.com/acme/posts/pfbid0A?comment_id=330\", \"id\": \"1116692661689527_330\"}"));

        PublishResult result = answering.publish(channel(), answer("Thanks & welcome!",
                new ReplyTarget("1116692661689527_311", Map.of("thread", COMMENT))));

        assertEquals(new PublishResult.Published("1116692661689527_330",
                "https://www.facebook.com/acme/posts/pfbid0A?comment_id=330"), result);
        FakeNetwork.Received sent = network.received("POST", "/v21.0/" + COMMENT + "/comments").get(0);
        assertEquals("Bearer page-token", sent.header("Authorization"));
        assertEquals("application/x-www-form-urlencoded", sent.header("Content-Type"));
        assertEquals("message=Thanks+%26+welcome%21", sent.text());
        assertEquals("fields=permalink_url", network.received("GET", "/v21.0/1116692661689527_330").get(0).query());
        assertTrue(network.received("POST", "/v21.0/" + PAGE + "/feed").isEmpty(), "an answer is no new post");
    }

    @Test
    void anAnswerToACommentGoesWithoutTheCallerWaitingAndAMissingLinkCostsOnlyTheLink() throws Exception {
        Runnable answer = network.holding("POST", "/v21.0/" + COMMENT + "/comments",
                Answer.json(200, "{\"id\": \"1116692661689527_331\"}"));
        network.on("GET", "/v21.0/1116692661689527_331", Answer.json(500, "{\"error\": {\"message\": \"Oops\"}}"));

        CompletableFuture<PublishResult> later = answering.publishLater(channel(), answer("Glad you like it",
                new ReplyTarget("1116692661689527_311", Map.of("thread", COMMENT))));

        assertFalse(later.isDone(), "the caller got its thread back before Graph answered");
        answer.run();
        assertEquals(new PublishResult.Published("1116692661689527_331", "https://www.facebook.com/1116692661689527_331"),
                later.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aMessageIsAnsweredInMessengerWithinTheDay() {
        network.on("POST", "/v21.0/" + PAGE + "/messages",
                Answer.json(200, "{\"recipient_id\": \"5001\", \"message_id\": \"m_AbC\"}"));

        PublishResult result = answering.publish(channel(), answer("Yes, from 9 \"sharp\".",
                message(NOW.minus(Duration.ofHours(23)))));

        assertEquals(new PublishResult.Published("m_AbC",
                "https://business.facebook.com/latest/inbox/all?asset_id=" + PAGE), result);
        FakeNetwork.Received sent = network.received("POST", "/v21.0/" + PAGE + "/messages").get(0);
        assertEquals("Bearer page-token", sent.header("Authorization"));
        assertEquals("application/json", sent.header("Content-Type"));
        try (JsonReader reader = Json.createReader(new StringReader(sent.text()))) {
            assertEquals(Json.createObjectBuilder().add("recipient", Json.createObjectBuilder().add("id", "5001"))
                    .add("messaging_type", "RESPONSE")
                    .add("message", Json.createObjectBuilder().add("text", "Yes, from 9 \"sharp\".")).build(),
                    reader.readObject());
        }
    }

    @Test
    void aMessageOlderThanADayIsNotAnswered() {
        PublishResult result = answering.publish(channel(), answer("Sorry for the wait",
                message(NOW.minus(Duration.ofHours(25)))));

        assertEquals(new PublishResult.Rejected("Facebook lets a Page answer a Messenger conversation only within 24 "
                + "hours of the person's last message."), result);
        assertTrue(network.received().isEmpty());
    }

    @Test
    void lookupFindsAnAnswerThePageAlreadyWroteInTheThread() {
        network.on("GET", "/v21.0/" + COMMENT + "/comments", Answer.json(200, """
                {"data": [{"id": "1116692661689527_331", "message": "Thanks & welcome!", "from": {"id": "7009"},
                           "created_time": "2025-03-06T09:59:00+0000"},
                          {"id": "1116692661689527_330", "message": "Thanks  &  welcome!", "from": {"id": "%s"},
                           "created_time": "2025-03-06T09:58:00+0000",
                           "permalink_url": "https://www.facebook.com/acme/posts/pfbid0A?comment_id=330"}]}"""
                .formatted(PAGE)));

        LookupResult result = answering.lookup(channel(), answer("Thanks & welcome!",
                new ReplyTarget("1116692661689527_311", Map.of("thread", COMMENT))));

        assertEquals(new LookupResult.Found(new PublishResult.Published("1116692661689527_330",
                "https://www.facebook.com/acme/posts/pfbid0A?comment_id=330")), result);
        FakeNetwork.Received sent = network.received("GET", "/v21.0/" + COMMENT + "/comments").get(0);
        assertEquals(Map.of("filter", "stream", "order", "reverse_chronological",
                "fields", "id,message,from{id},created_time,permalink_url", "limit", "25"),
                FacebookInboxTest.query(sent.query()));
    }

    @Test
    void lookupOfAMessengerAnswerReadsTheConversation() {
        network.on("GET", "/v21.0/t_100/messages", Answer.json(200, """
                {"data": [{"id": "m_2", "message": "And on Sundays?", "from": {"id": "5001"},
                           "created_time": "2025-03-06T09:00:00+0000"}]}"""));

        assertInstanceOf(LookupResult.Absent.class, answering.lookup(channel(), answer("And on Sundays?",
                message(NOW))), "the person's own words are no answer of the Page");
        assertEquals("id,message,from,created_time", FacebookInboxTest.query(
                network.received("GET", "/v21.0/t_100/messages").get(0).query()).get("fields"));
    }

    @Test
    void anAnswerTakesNoImages() {
        Path file = dir.resolve("x.jpg");
        OutgoingMedia image = new OutgoingMedia("x.jpg", "image/jpeg", 1, file, null);

        assertEquals(List.of("Herald answers on Facebook in words only: remove the images from the answer."),
                connector.validate(new Outgoing(1, "k", "t", null, List.of(image), ReplyTarget.of(COMMENT))));
        assertEquals(List.of(), connector.validate(answer("Thanks", ReplyTarget.of(COMMENT))));
    }
}
