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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Threads API (developers.facebook.com/docs/threads), played by a fake graph.threads.net on loopback. */
class ThreadsConnectorTest {

    private static final String USER = "25044829848512345";
    private static final String CONTAINER = "18039430466618413";
    private static final String THREAD = "18087654321012345";
    private static final String PERMALINK = "https://www.threads.net/@herald/post/DAbC123xYz";

    private final FakeNetwork network = new FakeNetwork();
    private final ThreadsConnector connector = new ThreadsConnector(Duration.ofMillis(800), Duration.ofMillis(1));

    @AfterEach
    void tearDown() {
        network.close();
    }

    private ChannelAccess channel() {
        return new ChannelAccess(17, network.baseUrl() + "/v1.0", USER, Map.of("access_token", "th-token"));
    }

    private static Outgoing text(String text) {
        return new Outgoing(42, "pub-42-key", text);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return fields;
    }

    private void happyPath() {
        network.on("POST", "/v1.0/" + USER + "/threads", Answer.json(200, "{\"id\": \"" + CONTAINER + "\"}"));
        network.on("POST", "/v1.0/" + USER + "/threads_publish", Answer.json(200, "{\"id\": \"" + THREAD + "\"}"));
        network.on("GET", "/v1.0/" + THREAD, Answer.json(200, "{\"permalink\": \"" + PERMALINK + "\", \"id\": \"" + THREAD + "\"}"));
    }

    @Test
    void aPostOfWordsGoesThroughItsThreeRequestsWithoutTheCallerWaiting() throws Exception {
        happyPath();
        Runnable answer = network.holding("POST", "/v1.0/" + USER + "/threads", Answer.json(200, "{\"id\": \""
                + CONTAINER + "\"}"));

        CompletableFuture<PublishResult> sent = connector.publishLater(channel(), text("Hello Threads & friends"));

        assertFalse(sent.isDone(), "the caller got its thread back before Threads made the container");
        answer.run();
        assertEquals(new PublishResult.Published(THREAD, PERMALINK), sent.get(5, TimeUnit.SECONDS));
        assertEquals(1, network.received("POST", "/v1.0/" + USER + "/threads_publish").size());
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void aContainerThatCannotBeMadeIsRetriedAsNoPostYet(Sending sending) {
        network.on("POST", "/v1.0/" + USER + "/threads", Answer.json(200, "{}").delayed(1_500));

        PublishResult result = sending.publish(connector, channel(), text("Hi"));

        assertTrue(assertInstanceOf(PublishResult.RetryLater.class, result).reason().contains("No post was made yet"),
                result.toString());
        assertTrue(network.received("POST", "/v1.0/" + USER + "/threads_publish").isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void publishesATextContainerAndReadsThePermalink(Sending sending) {
        happyPath();

        PublishResult result = sending.publish(connector, channel(), text("Hello Threads & friends"));

        assertEquals(new PublishResult.Published(THREAD, PERMALINK), result);
        FakeNetwork.Received container = network.received("POST", "/v1.0/" + USER + "/threads").get(0);
        assertEquals("Bearer th-token", container.header("Authorization"));
        assertEquals("application/x-www-form-urlencoded", container.header("Content-Type"));
        assertEquals(Map.of("media_type", "TEXT", "text", "Hello Threads & friends"), form(container.text()));
        assertEquals(Map.of("creation_id", CONTAINER),
                form(network.received("POST", "/v1.0/" + USER + "/threads_publish").get(0).text()));
        assertEquals("fields=permalink", network.received("GET", "/v1.0/" + THREAD).get(0).query());
        assertTrue(network.received("GET", "/v1.0/" + CONTAINER).isEmpty(), "a text container needs no wait");
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void anAnswerIsAContainerReplyingToTheAnsweredItemThenPublished(Sending sending) {
        happyPath();

        PublishResult result = sending.publish(connector, channel(), Outgoing.reply(5, "reply-5-key", "Thanks, Dana!",
                ReplyTarget.of("18040000000000777")));

        assertEquals(new PublishResult.Published(THREAD, PERMALINK), result);
        assertEquals(Map.of("media_type", "TEXT", "text", "Thanks, Dana!", "reply_to_id", "18040000000000777"),
                form(network.received("POST", "/v1.0/" + USER + "/threads").get(0).text()));
        assertEquals(Map.of("creation_id", CONTAINER),
                form(network.received("POST", "/v1.0/" + USER + "/threads_publish").get(0).text()));
    }

    @Test
    void lookupFindsAnAnswerAmongTheAccountsRepliesToTheSameItem() {
        network.on("GET", "/v1.0/" + USER + "/replies", Answer.json(200, """
                {"data": [{"id": "31", "text": "Thanks!", "permalink": "https://www.threads.net/@herald/post/A",
                           "replied_to": {"id": "18040000000000111"}},
                          {"id": "32", "text": "Thanks!", "permalink": "https://www.threads.net/@herald/post/B",
                           "replied_to": {"id": "18040000000000777"}}],
                 "paging": {"cursors": {"before": "b", "after": "a"}}}"""));

        LookupResult found = connector.lookup(channel(), Outgoing.reply(5, "k", "Thanks!",
                ReplyTarget.of("18040000000000777")));
        LookupResult absent = connector.lookup(channel(), Outgoing.reply(6, "k", "Thanks!",
                ReplyTarget.of("18040000000000999")));

        assertEquals(new LookupResult.Found(new PublishResult.Published("32",
                "https://www.threads.net/@herald/post/B")), found);
        assertInstanceOf(LookupResult.Absent.class, absent);
        FakeNetwork.Received sent = network.received("GET", "/v1.0/" + USER + "/replies").get(0);
        assertEquals("fields=id,text,permalink,replied_to&limit=25", sent.query());
        assertEquals("Bearer th-token", sent.header("Authorization"));
        assertTrue(network.received("GET", "/v1.0/" + USER + "/threads").isEmpty(), "answers are not threads");
    }

    @Test
    void anImageContainerIsPublishedOnceThreadsFinishedFetchingItWithoutTheCallerWaitingThroughThePauses()
            throws Exception {
        happyPath();
        AtomicInteger checks = new AtomicInteger();
        network.on("GET", "/v1.0/" + CONTAINER, r -> Answer.json(200, "{\"status\": \""
                + (checks.incrementAndGet() < 3 ? "IN_PROGRESS" : "FINISHED") + "\", \"id\": \"" + CONTAINER + "\"}"));
        ThreadsConnector pausing = new ThreadsConnector(Duration.ofMillis(800), Duration.ofMillis(200));

        CompletableFuture<PublishResult> later = pausing.publishLater(channel(), new Outgoing(42, "k", "Look", null,
                List.of(new OutgoingMedia("sky.jpg", "image/jpeg", 10, Path.of("sky.jpg"), "Blue sky",
                        "https://media.herald.example/sky.jpg"))));

        assertFalse(later.isDone(), "the caller got its thread back while Threads fetched the image");
        assertEquals(new PublishResult.Published(THREAD, PERMALINK), later.get(5, TimeUnit.SECONDS));
        assertEquals(Map.of("media_type", "IMAGE", "image_url", "https://media.herald.example/sky.jpg",
                "alt_text", "Blue sky", "text", "Look"),
                form(network.received("POST", "/v1.0/" + USER + "/threads").get(0).text()));
        assertEquals(3, network.received("GET", "/v1.0/" + CONTAINER).size());
        assertEquals("fields=status,error_message", network.received("GET", "/v1.0/" + CONTAINER).get(0).query());
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void anExpiredTokenAsksForReconnection(Sending sending) {
        network.on("POST", "/v1.0/" + USER + "/threads", Answer.json(401, "{\"error\": {\"message\": \"Error validating "
                + "access token: Session has expired\", \"type\": \"OAuthException\", \"code\": 190, \"fbtrace_id\": \"A1\"}}"));

        PublishResult result = sending.publish(connector, channel(), text("Hi"));
        String reason = assertInstanceOf(PublishResult.Rejected.class, result).reason();
        assertTrue(reason.contains("Reconnect") && reason.contains("Session has expired"), reason);
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void aRateLimitIsRetriedAfterTheAskedDelay(Sending sending) {
        happyPath();
        network.on("POST", "/v1.0/" + USER + "/threads_publish", Answer.json(429, "{\"error\": {\"message\": "
                + "\"Too many calls\", \"code\": 4}}").withHeader("Retry-After", "30"));

        assertEquals(Duration.ofSeconds(30), assertInstanceOf(PublishResult.RetryLater.class,
                sending.publish(connector, channel(), text("Hi"))).retryAfter());
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void aServerErrorIsRetried(Sending sending) {
        happyPath();
        network.on("POST", "/v1.0/" + USER + "/threads_publish", Answer.json(500, "{\"error\": {\"message\": \"x\", \"code\": 2}}"));

        assertInstanceOf(PublishResult.RetryLater.class, sending.publish(connector, channel(), text("Hi")));
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void anUnreadablePublishAnswerIsUnconfirmed(Sending sending) {
        happyPath();
        network.on("POST", "/v1.0/" + USER + "/threads_publish", Answer.json(200, "[]"));

        assertInstanceOf(PublishResult.Unconfirmed.class, sending.publish(connector, channel(), text("Hi")));
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void noAnswerToThePublishIsUnconfirmed(Sending sending) {
        happyPath();
        network.on("POST", "/v1.0/" + USER + "/threads_publish", Answer.json(200, "{\"id\": \"" + THREAD + "\"}").delayed(1_500));

        assertInstanceOf(PublishResult.Unconfirmed.class, sending.publish(connector, channel(), text("Hi")));
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void aMissingPermalinkStillCountsAsPublished(Sending sending) {
        happyPath();
        network.on("GET", "/v1.0/" + THREAD, Answer.json(500, "{\"error\": {\"message\": \"x\", \"code\": 2}}"));

        assertEquals(new PublishResult.Published(THREAD, "https://www.threads.net/"),
                sending.publish(connector, channel(), text("Hi")));
    }

    @Test
    void lookupFindsTheThreadByText() {
        network.on("GET", "/v1.0/" + USER + "/threads", Answer.json(200, """
                {"data": [{"id": "1", "text": "Other", "permalink": "https://www.threads.net/@herald/post/A"},
                          {"id": "18087654321012345", "text": "Hello  Threads\\n& friends", "permalink": "https://www.threads.net/@herald/post/DAbC123xYz"}],
                 "paging": {"cursors": {"before": "b", "after": "a"}}}"""));

        LookupResult result = connector.lookup(channel(), text("Hello Threads & friends"));

        assertEquals(new LookupResult.Found(new PublishResult.Published(THREAD, PERMALINK)), result);
        FakeNetwork.Received sent = network.received("GET", "/v1.0/" + USER + "/threads").get(0);
        assertEquals("fields=id,text,permalink&limit=25", sent.query());
        assertEquals("Bearer th-token", sent.header("Authorization"));
    }

    @Test
    void lookupReportsAbsentWhenNoRecentThreadMatches() {
        network.on("GET", "/v1.0/" + USER + "/threads", Answer.json(200, "{\"data\": [{\"id\": \"1\", \"text\": \"Other\"}]}"));

        assertInstanceOf(LookupResult.Absent.class, connector.lookup(channel(), text("Hello")));
    }

    @Test
    void lookupIsUnknownWhenThreadsCannotAnswer() {
        network.on("GET", "/v1.0/" + USER + "/threads", Answer.json(503, "{\"error\": {\"message\": \"down\", \"code\": 2}}"));

        assertInstanceOf(LookupResult.Unknown.class, connector.lookup(channel(), text("Hello")));
    }

    @Test
    void metricsAreReadFromInsightsAndReachIsAbsent() {
        network.on("GET", "/v1.0/" + THREAD + "/insights", Answer.json(200, """
                {"data": [{"name": "views", "period": "lifetime", "values": [{"value": 880}], "title": "Views", "id": "v"},
                          {"name": "likes", "period": "lifetime", "values": [{"value": 41}]},
                          {"name": "replies", "period": "lifetime", "values": [{"value": 6}]},
                          {"name": "reposts", "period": "lifetime", "values": [{"value": 3}]},
                          {"name": "quotes", "period": "lifetime", "values": [{"value": 2}]}]}"""));

        MetricReading reading = connector.fetchMetrics(channel(), THREAD);

        assertEquals(Map.of(Metric.IMPRESSIONS, 880L, Metric.LIKES, 41L, Metric.REPLIES, 6L, Metric.SHARES, 3L,
                Metric.QUOTES, 2L), reading.values());
        assertEquals(OptionalLong.empty(), reading.value(Metric.REACH));
        assertEquals("metric=views,likes,replies,reposts,quotes",
                network.received("GET", "/v1.0/" + THREAD + "/insights").get(0).query());
    }

    @Test
    void validationNamesWhatHeraldCannotPublishToThreads() {
        OutgoingMedia withAddress = new OutgoingMedia("a.jpg", "image/jpeg", 1, Path.of("a.jpg"), null, "https://m.example/a.jpg");
        OutgoingMedia withoutAddress = new OutgoingMedia("b.jpg", "image/jpeg", 1, Path.of("b.jpg"), null);

        assertEquals(List.of("Herald publishes one image per Threads post; this one has 2."),
                connector.validate(new Outgoing(1, "k", "t", null, List.of(withAddress, withAddress))));
        assertEquals(List.of("Threads downloads images from a public address, and b.jpg has none: Herald's public "
                + "media address is not set up."), connector.validate(new Outgoing(1, "k", "t", null, List.of(withoutAddress))));
        assertEquals(List.of(), connector.validate(new Outgoing(1, "k", "t", null, List.of(withAddress))));
    }

    @Test
    void followersAreReadFromTheUsersInsights() {
        network.on("GET", "/v1.0/" + USER + "/threads_insights", Answer.json(200, """
                {"data": [{"name": "followers_count", "period": "day", "title": "followers_count",
                           "description": "This is the total number of followers on Threads.",
                           "total_value": {"value": 6120}, "id": "25044829848512345/insights/followers_count/day"}]}"""));

        MetricReading reading = connector.fetchChannelMetrics(channel());

        assertEquals(Map.of(Metric.FOLLOWERS, 6120L), reading.values());
        FakeNetwork.Received sent = network.received("GET", "/v1.0/" + USER + "/threads_insights").get(0);
        assertEquals("metric=followers_count", sent.query());
        assertEquals("Bearer th-token", sent.header("Authorization"));
    }

    @Test
    void insightsWithoutTheFollowerCountLeaveItAbsent() {
        network.on("GET", "/v1.0/" + USER + "/threads_insights", Answer.json(200, "{\"data\": []}"));

        assertEquals(OptionalLong.empty(), connector.fetchChannelMetrics(channel()).value(Metric.FOLLOWERS));
    }

    @Test
    void anExpiredTokenMeansTheFollowersCannotBeRead() {
        network.on("GET", "/v1.0/" + USER + "/threads_insights", Answer.json(401, """
                {"error": {"message": "Error validating access token: Session has expired", "type": "OAuthException",
                           "code": 190, "error_subcode": 463, "fbtrace_id": "AbCdEf"}}"""));

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> connector.fetchChannelMetrics(channel()));

        assertTrue(failure.getMessage().contains("Reconnect"), failure.getMessage());
    }

    @Test
    void connectingAsksTheGraphApiForTheUsername() {
        network.on("GET", "/v1.0/" + USER, r -> "Bearer th-token".equals(r.header("Authorization"))
                ? Answer.json(200, "{\"username\":\"acmecoffee\",\"id\":\"" + USER + "\"}")
                : Answer.json(400, "{\"error\":{\"message\":\"Invalid OAuth access token.\",\"type\":\"OAuthException\",\"code\":190}}"));
        assertEquals(new AccountCheck.Confirmed("@acmecoffee"), connector.whoAmI(channel()));
        AccountCheck refused = connector.whoAmI(new ChannelAccess(17, network.baseUrl() + "/v1.0", USER, Map.of("access_token", "abc")));
        assertTrue(refused instanceof AccountCheck.Refused r && r.reason().contains("Invalid OAuth access token."), refused.toString());
    }
}
