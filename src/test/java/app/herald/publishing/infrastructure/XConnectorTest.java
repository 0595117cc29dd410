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
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** X API v2 (docs.x.com) and its OAuth 2 token endpoint, played by a fake API on loopback. */
class XConnectorTest {

    private static final String CREATED = """
            {"data": {"id": "1445880548472328192", "text": "Hello world!",
                      "edit_history_tweet_ids": ["1445880548472328192"]}}""";
    private static final String TOKENS = """
            {"token_type": "bearer", "expires_in": 7200, "access_token": "tok-2",
             "scope": "tweet.write users.read tweet.read offline.access", "refresh_token": "ref-2"}""";

    private final FakeNetwork network = new FakeNetwork();
    private final XConnector connector = new XConnector(Duration.ofMillis(800));
    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        network.close();
    }

    private ChannelAccess channel(Map<String, String> changes) {
        Map<String, String> credentials = new HashMap<>(Map.of(
                "access_token", "tok-1", "refresh_token", "ref-1",
                "expires_at", String.valueOf(Instant.now().plusSeconds(3600).getEpochSecond()),
                "app_client_id", "client-1", "app_client_secret", "secret-1",
                "app_token_url", network.baseUrl() + "/2/oauth2/token"));
        credentials.putAll(changes);
        credentials.values().removeIf(String::isEmpty);
        return new ChannelAccess(5, network.baseUrl(), "2244994945", credentials);
    }

    private ChannelAccess channel() {
        return channel(Map.of());
    }

    private static Outgoing text(String text) {
        return new Outgoing(42, "pub-42-key", text);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return fields;
    }

    @Test
    void aPostWithoutMediaIsSentWithoutTheCallerWaitingForXsAnswer() throws Exception {
        Runnable answer = network.holding("POST", "/2/tweets", Answer.json(201, CREATED));

        CompletableFuture<PublishResult> sent = connector.publishLater(channel(), text("Hello world!"));

        assertFalse(sent.isDone(), "the caller got its thread back before X answered");
        answer.run();
        assertEquals(new PublishResult.Published("1445880548472328192",
                "https://x.com/i/web/status/1445880548472328192"), sent.get(5, TimeUnit.SECONDS));
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void postsTheTextWithTheUsersBearerToken(Sending sending) {
        network.on("POST", "/2/tweets", Answer.json(201, CREATED));

        PublishResult result = sending.publish(connector, channel(), text("Hello world!"));

        assertEquals(new PublishResult.Published("1445880548472328192",
                "https://x.com/i/web/status/1445880548472328192"), result);
        FakeNetwork.Received sent = network.received("POST", "/2/tweets").get(0);
        assertEquals("Bearer tok-1", sent.header("Authorization"));
        assertTrue(sent.header("Content-Type").startsWith("application/json"));
        assertEquals(json("{\"text\": \"Hello world!\"}"), json(sent.text()));
        assertTrue(network.received("POST", "/2/oauth2/token").isEmpty());
    }

    @Test
    void imagesAreUploadedWithAltTextBeforeThePostWithoutTheCallerWaiting() throws Exception {
        Path file = Files.write(dir.resolve("chart.png"), new byte[] {7, 7, 7});
        Runnable uploaded = network.holding("POST", "/2/media/upload", Answer.json(200, """
                {"data": {"id": "1880028106020515840", "media_key": "3_1880028106020515840", "size": 3,
                          "expires_after_secs": 86400, "image": {"image_type": "image/png", "w": 1, "h": 1}}}"""));
        network.on("POST", "/2/media/metadata", Answer.json(200,
                "{\"data\": {\"id\": \"1880028106020515840\", \"associated_metadata\": {\"alt_text\": {\"text\": \"Sales chart\"}}}}"));
        network.on("POST", "/2/tweets", Answer.json(201, CREATED));

        CompletableFuture<PublishResult> later = connector.publishLater(channel(), new Outgoing(42, "k", "Numbers",
                null, List.of(new OutgoingMedia("chart.png", "image/png", 3, file, "Sales chart"))));

        assertFalse(later.isDone(), "the caller got its thread back before X answered the upload");
        uploaded.run();
        assertInstanceOf(PublishResult.Published.class, later.get(5, TimeUnit.SECONDS));

        FakeNetwork.Received upload = network.received("POST", "/2/media/upload").get(0);
        assertEquals("Bearer tok-1", upload.header("Authorization"));
        assertTrue(upload.header("Content-Type").startsWith("multipart/form-data; boundary="));
        String body = upload.text();
        assertTrue(body.contains("name=\"media\"; filename=\"chart.png\"\r\nContent-Type: image/png\r\n\r\n\u0007\u0007\u0007\r\n"), body);
        assertTrue(body.contains("name=\"media_category\"") && body.contains("\r\n\r\ntweet_image\r\n"), body);
        assertEquals(json("{\"id\": \"1880028106020515840\", \"metadata\": {\"alt_text\": {\"text\": \"Sales chart\"}}}"),
                json(network.received("POST", "/2/media/metadata").get(0).text()));
        assertEquals(json("{\"text\": \"Numbers\", \"media\": {\"media_ids\": [\"1880028106020515840\"]}}"),
                json(network.received("POST", "/2/tweets").get(0).text()));
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void anAltTextXRefusesStopsBeforeThePostAndSaysWhy(Sending sending) throws Exception {
        Path file = Files.write(dir.resolve("chart.png"), new byte[] {7, 7, 7});
        network.on("POST", "/2/media/upload", Answer.json(200, "{\"data\": {\"id\": \"1880028106020515840\"}}"));
        network.on("POST", "/2/media/metadata", Answer.json(400, "{\"title\": \"Invalid Request\", "
                + "\"detail\": \"alt_text is too long\", \"type\": \"https://api.twitter.com/2/problems/invalid-request\"}"));

        PublishResult result = sending.publish(connector, channel(), new Outgoing(42, "k", "Numbers", null,
                List.of(new OutgoingMedia("chart.png", "image/png", 3, file, "Sales chart"))));

        String reason = assertInstanceOf(PublishResult.Rejected.class, result).reason();
        assertTrue(reason.contains("alt_text is too long"), reason);
        assertTrue(network.received("POST", "/2/tweets").isEmpty(), "no post without its image");
    }

    @Test
    void aTokenAboutToExpireIsRenewedFirstAndTheNewTokensAreKept() {
        network.on("POST", "/2/oauth2/token", Answer.json(200, TOKENS));
        network.on("POST", "/2/tweets", Answer.json(201, CREATED));
        ChannelAccess channel = channel(Map.of("expires_at", String.valueOf(Instant.now().plusSeconds(60).getEpochSecond())));

        assertInstanceOf(PublishResult.Published.class, connector.publish(channel, text("Hello")));

        FakeNetwork.Received refresh = network.received("POST", "/2/oauth2/token").get(0);
        assertEquals("application/x-www-form-urlencoded", refresh.header("Content-Type"));
        assertEquals(Map.of("grant_type", "refresh_token", "refresh_token", "ref-1", "client_id", "client-1"),
                form(refresh.text()));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("client-1:secret-1".getBytes(StandardCharsets.UTF_8)),
                refresh.header("Authorization"));
        assertEquals("Bearer tok-2", network.received("POST", "/2/tweets").get(0).header("Authorization"));
        assertEquals("tok-2", channel.renewed().get("access_token"));
        assertEquals("ref-2", channel.renewed().get("refresh_token"));
        long expiresAt = Long.parseLong(channel.renewed().get("expires_at"));
        assertTrue(Math.abs(expiresAt - (Instant.now().getEpochSecond() + 7200)) < 10, String.valueOf(expiresAt));
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void a401RenewsTheTokenOnceAndSendsAgainKeepingTheRefreshTokenWhenNoNewOneCame(Sending sending) {
        AtomicInteger attempts = new AtomicInteger();
        network.on("POST", "/2/tweets", r -> attempts.incrementAndGet() == 1
                ? Answer.json(401, "{\"title\": \"Unauthorized\", \"type\": \"about:blank\", \"status\": 401, \"detail\": \"Unauthorized\"}")
                : Answer.json(201, CREATED));
        network.on("POST", "/2/oauth2/token", Answer.json(200,
                "{\"token_type\": \"bearer\", \"expires_in\": 7200, \"access_token\": \"tok-2\"}"));
        ChannelAccess channel = channel();

        assertInstanceOf(PublishResult.Published.class, sending.publish(connector, channel, text("Hello")));

        List<FakeNetwork.Received> posts = network.received("POST", "/2/tweets");
        assertEquals(2, posts.size());
        assertEquals("Bearer tok-1", posts.get(0).header("Authorization"));
        assertEquals("Bearer tok-2", posts.get(1).header("Authorization"));
        assertFalse(channel.renewed().containsKey("refresh_token"));
        assertEquals("ref-1", channel.credentials().get("refresh_token"));
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void a401WithoutARefreshTokenAsksForReconnection(Sending sending) {
        network.on("POST", "/2/tweets", Answer.json(401, "{\"title\": \"Unauthorized\", \"detail\": \"Unauthorized\"}"));

        PublishResult result = sending.publish(connector, channel(Map.of("refresh_token", "")), text("Hello"));

        assertTrue(assertInstanceOf(PublishResult.Rejected.class, result).reason().contains("Reconnect"));
        assertEquals(1, network.received("POST", "/2/tweets").size());
        assertTrue(network.received("POST", "/2/oauth2/token").isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void aRefusedRenewalAsksForReconnection(Sending sending) {
        network.on("POST", "/2/tweets", Answer.json(401, "{\"title\": \"Unauthorized\", \"detail\": \"Unauthorized\"}"));
        network.on("POST", "/2/oauth2/token", Answer.json(400,
                "{\"error\": \"invalid_request\", \"error_description\": \"Value passed for the token was invalid.\"}"));

        PublishResult result = sending.publish(connector, channel(), text("Hello"));

        assertTrue(assertInstanceOf(PublishResult.Rejected.class, result).reason().contains("Reconnect"));
        assertEquals(1, network.received("POST", "/2/tweets").size());
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void aTokenRefusedAgainAfterRenewalIsNotRenewedTwice(Sending sending) {
        network.on("POST", "/2/tweets", Answer.json(401, "{\"title\": \"Unauthorized\", \"detail\": \"Unauthorized\"}"));
        network.on("POST", "/2/oauth2/token", Answer.json(200, TOKENS));

        assertInstanceOf(PublishResult.Rejected.class, sending.publish(connector, channel(), text("Hello")));
        assertEquals(2, network.received("POST", "/2/tweets").size());
        assertEquals(1, network.received("POST", "/2/oauth2/token").size());
    }

    @Test
    void aRateLimitIsRetriedAfterTheAskedDelay() {
        network.on("POST", "/2/tweets", Answer.json(429, "{\"title\": \"Too Many Requests\", \"detail\": \"Too Many Requests\"}")
                .withHeader("Retry-After", "30"));

        assertEquals(Duration.ofSeconds(30), assertInstanceOf(PublishResult.RetryLater.class,
                connector.publish(channel(), text("Hello"))).retryAfter());
    }

    @Test
    void aRateLimitWithOnlyXsResetHeaderWaitsUntilTheReset() {
        long reset = Instant.now().getEpochSecond() + 600;
        network.on("POST", "/2/tweets", Answer.json(429, "{\"title\": \"Too Many Requests\"}")
                .withHeader("x-rate-limit-reset", String.valueOf(reset)));

        Duration wait = assertInstanceOf(PublishResult.RetryLater.class, connector.publish(channel(), text("Hello")))
                .retryAfter();
        assertTrue(wait.toSeconds() >= 595 && wait.toSeconds() <= 600, wait.toString());
    }

    @Test
    void aServerErrorIsRetried() {
        network.on("POST", "/2/tweets", Answer.json(503, "{\"title\": \"Service Unavailable\"}"));

        assertInstanceOf(PublishResult.RetryLater.class, connector.publish(channel(), text("Hello")));
    }

    @Test
    void aDuplicateIsRejectedInXsWords() {
        network.on("POST", "/2/tweets", Answer.json(403, "{\"detail\": \"You are not allowed to create a Tweet with "
                + "duplicate content.\", \"type\": \"about:blank\", \"title\": \"Forbidden\", \"status\": 403}"));

        String reason = assertInstanceOf(PublishResult.Rejected.class, connector.publish(channel(), text("Hello"))).reason();
        assertTrue(reason.contains("duplicate content"), reason);
    }

    @Test
    void anUnreadableSuccessIsUnconfirmed() {
        network.on("POST", "/2/tweets", Answer.json(201, "{\"data\": {}}"));

        assertInstanceOf(PublishResult.Unconfirmed.class, connector.publish(channel(), text("Hello")));
    }

    @Test
    void noAnswerAfterTheRequestWasReceivedIsUnconfirmed() {
        network.on("POST", "/2/tweets", Answer.json(201, CREATED).delayed(1_500));

        assertInstanceOf(PublishResult.Unconfirmed.class, connector.publish(channel(), text("Hello")));
    }

    @Test
    void lookupMatchesTheTextDespiteShortenedLinksAndEscapes() {
        network.on("GET", "/2/users/me", Answer.json(200,
                "{\"data\": {\"id\": \"2244994945\", \"name\": \"Herald\", \"username\": \"herald\"}}"));
        network.on("GET", "/2/users/2244994945/tweets", Answer.json(200, """
                {"data": [{"id": "1", "text": "Something else", "edit_history_tweet_ids": ["1"]},
                          {"id": "2", "text": "Launch &amp; party https://t.co/abc123 https://t.co/media1",
                           "edit_history_tweet_ids": ["2"]}],
                 "meta": {"result_count": 2, "newest_id": "2", "oldest_id": "1"}}"""));

        LookupResult result = connector.lookup(channel(), text("Launch & party\nhttps://herald.app/launch"));

        assertEquals(new LookupResult.Found(new PublishResult.Published("2", "https://x.com/i/web/status/2")), result);
        FakeNetwork.Received listing = network.received("GET", "/2/users/2244994945/tweets").get(0);
        assertEquals("max_results=20", listing.query());
        assertEquals("Bearer tok-1", listing.header("Authorization"));
    }

    @Test
    void lookupReportsAbsentForAnAccountWithoutThatPost() {
        network.on("GET", "/2/users/me", Answer.json(200, "{\"data\": {\"id\": \"2244994945\"}}"));
        network.on("GET", "/2/users/2244994945/tweets", Answer.json(200, "{\"meta\": {\"result_count\": 0}}"));

        assertInstanceOf(LookupResult.Absent.class, connector.lookup(channel(), text("Hello")));
    }

    @Test
    void lookupIsUnknownWhenXCannotAnswer() {
        network.on("GET", "/2/users/me", Answer.json(500, "{\"title\": \"Internal Error\"}"));

        assertInstanceOf(LookupResult.Unknown.class, connector.lookup(channel(), text("Hello")));
    }

    @Test
    void metricsAreReadFromPublicMetricsAndReachIsAbsent() {
        network.on("GET", "/2/tweets/1445880548472328192", Answer.json(200, """
                {"data": {"id": "1445880548472328192", "text": "Hello world!", "edit_history_tweet_ids": ["1445880548472328192"],
                          "public_metrics": {"retweet_count": 3, "reply_count": 4, "like_count": 25, "quote_count": 1,
                                             "bookmark_count": 2, "impression_count": 1200}}}"""));

        MetricReading reading = connector.fetchMetrics(channel(), "1445880548472328192");

        assertEquals(OptionalLong.of(1200), reading.value(Metric.IMPRESSIONS));
        assertEquals(OptionalLong.of(25), reading.value(Metric.LIKES));
        assertEquals(OptionalLong.of(3), reading.value(Metric.SHARES));
        assertEquals(OptionalLong.of(4), reading.value(Metric.REPLIES));
        assertEquals(OptionalLong.of(1), reading.value(Metric.QUOTES));
        assertEquals(OptionalLong.of(2), reading.value(Metric.SAVES));
        assertEquals(OptionalLong.empty(), reading.value(Metric.REACH));
        assertEquals("tweet.fields=public_metrics",
                network.received("GET", "/2/tweets/1445880548472328192").get(0).query());
    }

    @Test
    void validationNamesWhatXWouldRefuse() {
        Path file = dir.resolve("x.png");
        OutgoingMedia image = new OutgoingMedia("x.png", "image/png", 1_000, file, null);

        assertEquals(List.of("X takes at most 4 images per post; this one has 5."),
                connector.validate(new Outgoing(1, "k", "t", null, List.of(image, image, image, image, image))));
        assertEquals(List.of("Herald cannot publish video to X yet: remove clip.mp4 or use an image."),
                connector.validate(new Outgoing(1, "k", "t", null,
                        List.of(new OutgoingMedia("clip.mp4", "video/mp4", 1, file, null)))));
    }

    @Test
    void metricsOfADeletedPostCannotBeReadAndSaySo() {
        network.on("GET", "/2/tweets/1445880548472328192", Answer.json(200, """
                {"errors": [{"value": "1445880548472328192", "detail": "Could not find tweet with id: [1445880548472328192].",
                             "title": "Not Found Error", "resource_type": "tweet", "parameter": "id",
                             "resource_id": "1445880548472328192",
                             "type": "https://api.twitter.com/2/problems/resource-not-found"}]}"""));

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> connector.fetchMetrics(channel(), "1445880548472328192"));

        assertTrue(failure.getMessage().contains("Could not find tweet"), failure.getMessage());
    }

    @Test
    void followersAreReadFromTheUsersPublicMetrics() {
        network.on("GET", "/2/users/me", Answer.json(200, """
                {"data": {"id": "2244994945", "name": "X Dev", "username": "XDevelopers",
                          "public_metrics": {"followers_count": 513958, "following_count": 2039, "tweet_count": 3635,
                                             "listed_count": 1672, "like_count": 2151, "media_count": 441}}}"""));

        MetricReading reading = connector.fetchChannelMetrics(channel());

        assertEquals(Map.of(Metric.FOLLOWERS, 513958L), reading.values());
        FakeNetwork.Received sent = network.received("GET", "/2/users/me").get(0);
        assertEquals("user.fields=public_metrics", sent.query());
        assertEquals("Bearer tok-1", sent.header("Authorization"));
    }

    @Test
    void followersAreReadWithARenewedTokenAfterA401() {
        network.on("GET", "/2/users/me", r -> "Bearer tok-2".equals(r.header("Authorization"))
                ? Answer.json(200, "{\"data\": {\"id\": \"2244994945\", \"public_metrics\": {\"followers_count\": 12}}}")
                : Answer.json(401, "{\"title\": \"Unauthorized\", \"type\": \"about:blank\", \"status\": 401, \"detail\": \"Unauthorized\"}"));
        network.on("POST", "/2/oauth2/token", Answer.json(200, TOKENS));
        ChannelAccess channel = channel();

        assertEquals(OptionalLong.of(12), connector.fetchChannelMetrics(channel).value(Metric.FOLLOWERS));
        assertEquals("tok-2", channel.renewed().get("access_token"));
    }

    @Test
    void aServerErrorMeansTheFollowersCannotBeRead() {
        network.on("GET", "/2/users/me", Answer.json(503, """
                {"title": "Service Unavailable", "detail": "Service Unavailable", "type": "about:blank", "status": 503}"""));

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> connector.fetchChannelMetrics(channel()));

        assertTrue(failure.getMessage().startsWith("X metrics could not be read"), failure.getMessage());
    }

    @Test
    void connectingAsksXWhoTheTokenBelongsTo() {
        network.on("GET", "/2/users/me", r -> "Bearer tok-1".equals(r.header("Authorization"))
                ? Answer.json(200, "{\"data\":{\"id\":\"2244994945\",\"username\":\"XDevelopers\"}}")
                : Answer.json(401, "{\"title\":\"Unauthorized\",\"detail\":\"Unauthorized\",\"status\":401}"));
        assertEquals(new AccountCheck.Confirmed("@XDevelopers"), connector.whoAmI(channel()));
        AccountCheck refused = connector.whoAmI(channel(Map.of("access_token", "abc", "refresh_token", "")));
        assertTrue(refused instanceof AccountCheck.Refused r && r.reason().contains("Unauthorized"), refused.toString());
    }

    @Test
    void anAnswerNamesThePostItReplies() {
        network.on("POST", "/2/tweets", Answer.json(201, CREATED));

        PublishResult result = connector.publish(channel(), Outgoing.reply(7, "reply-7-key", "Thanks, fixed!",
                ReplyTarget.of("1790000000000000020")));

        assertInstanceOf(PublishResult.Published.class, result);
        assertEquals(json("{\"text\": \"Thanks, fixed!\", \"reply\": {\"in_reply_to_tweet_id\": "
                + "\"1790000000000000020\"}}"), json(network.received("POST", "/2/tweets").get(0).text()));
    }

    @Test
    void aReplyXDoesNotAllowIsExplainedPlainly() {
        network.on("POST", "/2/tweets", Answer.json(403, "{\"detail\": \"Reply to this conversation is not allowed "
                + "because you have not been mentioned or otherwise engaged by the author of the post you are replying "
                + "to.\", \"type\": \"about:blank\", \"title\": \"Forbidden\", \"status\": 403}"));

        PublishResult.Rejected rejected = assertInstanceOf(PublishResult.Rejected.class, connector.publish(channel(),
                Outgoing.reply(7, "reply-7-key", "Thanks!", ReplyTarget.of("1790000000000000020"))));

        assertFalse(rejected.reconnect());
        assertTrue(rejected.reason().contains("mentioned or engaged the account first"), rejected.reason());
    }

    @Test
    void lookupFindsAnAnswerByThePostItReplies() {
        network.on("GET", "/2/users/me", Answer.json(200, "{\"data\": {\"id\": \"2244994945\"}}"));
        network.on("GET", "/2/users/2244994945/tweets", Answer.json(200, """
                {"data": [{"id": "10", "text": "@bo Thanks, fixed!", "edit_history_tweet_ids": ["10"],
                           "referenced_tweets": [{"type": "replied_to", "id": "999"}]},
                          {"id": "11", "text": "@ana @bo Thanks, fixed!", "edit_history_tweet_ids": ["11"],
                           "referenced_tweets": [{"type": "replied_to", "id": "1790000000000000020"}]}],
                 "meta": {"result_count": 2, "newest_id": "11", "oldest_id": "10"}}"""));

        LookupResult result = connector.lookup(channel(), Outgoing.reply(7, "reply-7-key", "Thanks, fixed!",
                ReplyTarget.of("1790000000000000020")));

        assertEquals(new LookupResult.Found(new PublishResult.Published("11", "https://x.com/i/web/status/11")),
                result);
        assertEquals("max_results=20&tweet.fields=referenced_tweets",
                network.received("GET", "/2/users/2244994945/tweets").get(0).query());
        assertInstanceOf(LookupResult.Absent.class, connector.lookup(channel(), Outgoing.reply(8, "reply-8-key",
                "Thanks, fixed!", ReplyTarget.of("555"))));
    }
}
