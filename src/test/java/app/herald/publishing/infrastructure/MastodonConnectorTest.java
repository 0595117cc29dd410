package app.herald.publishing.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.publishing.domain.AccountCheck;
import app.herald.publishing.domain.AttemptRun;
import app.herald.publishing.domain.Delivery;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Mastodon's REST API as documented at docs.joinmastodon.org, played by a fake instance on loopback. */
class MastodonConnectorTest {

    private static final String STATUS = """
            {"id": "103704874086360371", "created_at": "2025-03-01T10:00:00.000Z",
             "uri": "https://mastodon.example/users/herald/statuses/103704874086360371",
             "url": "https://mastodon.example/@herald/103704874086360371",
             "content": "<p>Hello</p>", "visibility": "public",
             "replies_count": 1, "reblogs_count": 2, "favourites_count": 5, "media_attachments": []}""";

    private final FakeNetwork network = new FakeNetwork();
    private MastodonConnector connector;
    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        connector = new MastodonConnector(Duration.ofMillis(800), Duration.ofMillis(1));
    }

    @AfterEach
    void tearDown() {
        network.close();
    }

    private ChannelAccess channel() {
        return new ChannelAccess(7, network.baseUrl() + "/", "herald", Map.of("access_token", "tok-1"));
    }

    private static Outgoing text(String text) {
        return new Outgoing(42, "pub-42-key", text);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void publishesAStatusWithBearerTokenAndIdempotencyKey(Sending sending) {
        network.on("POST", "/api/v1/statuses", Answer.json(200, STATUS));

        PublishResult result = sending.publish(connector, channel(), text("Hello"));

        assertEquals(new PublishResult.Published("103704874086360371",
                "https://mastodon.example/@herald/103704874086360371"), result);
        FakeNetwork.Received sent = network.received("POST", "/api/v1/statuses").get(0);
        assertEquals("Bearer tok-1", sent.header("Authorization"));
        assertEquals("pub-42-key", sent.header("Idempotency-Key"));
        assertTrue(sent.header("Content-Type").startsWith("application/json"));
        JsonObject body = json(sent.text());
        assertEquals("Hello", body.getString("status"));
        assertTrue(!body.containsKey("media_ids"));
        assertTrue(connector.honoursIdempotencyKey());
    }

    @Test
    void aStatusWithoutMediaIsSentWithoutTheCallerWaitingForMastodonsAnswer() throws Exception {
        Runnable answer = network.holding("POST", "/api/v1/statuses", Answer.json(200, STATUS));

        CompletableFuture<PublishResult> sent = connector.publishLater(channel(), text("Hello"));

        assertFalse(sent.isDone(), "the caller got its thread back before Mastodon answered");
        answer.run();
        assertEquals(new PublishResult.Published("103704874086360371",
                "https://mastodon.example/@herald/103704874086360371"), sent.get(5, TimeUnit.SECONDS));
        FakeNetwork.Received status = network.received("POST", "/api/v1/statuses").get(0);
        assertEquals("pub-42-key", status.header("Idempotency-Key"));
        assertEquals("Bearer tok-1", status.header("Authorization"));
    }

    @Test
    void anAnswerGoesUnderItsStatusAsVisibleAsThatOneAndNamesItsAuthor() {
        network.on("POST", "/api/v1/statuses", Answer.json(200, STATUS));
        ReplyTarget dm = new ReplyTarget("9001", Map.of("visibility", "direct", "mention", "@bob@other.social"));

        PublishResult result = connector.publish(channel(), Outgoing.reply(5, "reply-5-key", "Yes, 10 to 4.", dm));

        assertInstanceOf(PublishResult.Published.class, result);
        FakeNetwork.Received sent = network.received("POST", "/api/v1/statuses").get(0);
        assertEquals("reply-5-key", sent.header("Idempotency-Key"));
        JsonObject body = json(sent.text());
        assertEquals("@bob@other.social Yes, 10 to 4.", body.getString("status"));
        assertEquals("9001", body.getString("in_reply_to_id"));
        assertEquals("direct", body.getString("visibility"));
    }

    @Test
    void anAnswerThatAlreadyNamesItsAuthorIsSentAsWritten() {
        network.on("POST", "/api/v1/statuses", Answer.json(200, STATUS));
        ReplyTarget comment = new ReplyTarget("9002", Map.of("visibility", "unlisted", "mention", "@alice"));

        connector.publish(channel(), Outgoing.reply(5, "k", "Thanks @Alice, see you!", comment));
        connector.publish(channel(), Outgoing.reply(6, "k2", "Thanks @alicia!", comment));

        List<FakeNetwork.Received> sent = network.received("POST", "/api/v1/statuses");
        assertEquals("Thanks @Alice, see you!", json(sent.get(0).text()).getString("status"));
        assertEquals("unlisted", json(sent.get(0).text()).getString("visibility"));
        assertEquals("@alice Thanks @alicia!", json(sent.get(1).text()).getString("status"), "another account");
    }

    @Test
    void lookupFindsAnAnswerUnderTheStatusItAnswers() {
        network.on("GET", "/api/v1/accounts/verify_credentials", Answer.json(200, "{\"id\": \"14715\"}"));
        network.on("GET", "/api/v1/accounts/14715/statuses", Answer.json(200, """
                [{"id": "31", "url": "https://mastodon.example/@herald/31", "in_reply_to_id": "7777",
                  "content": "<p><a href=\\"https://other.social/@bob\\">@<span>bob</span></a> Thanks!</p>"},
                 {"id": "32", "url": "https://mastodon.example/@herald/32", "in_reply_to_id": "9001",
                  "content": "<p><a href=\\"https://other.social/@bob\\">@<span>bob</span></a> Thanks!</p>"}]"""));
        ReplyTarget target = new ReplyTarget("9001", Map.of("visibility", "public", "mention", "@bob@other.social"));

        LookupResult found = connector.lookup(channel(), Outgoing.reply(5, "k", "Thanks!", target));
        LookupResult elsewhere = connector.lookup(channel(), Outgoing.reply(6, "k", "Thanks!",
                new ReplyTarget("5555", Map.of("mention", "@bob@other.social"))));

        assertEquals(new LookupResult.Found(new PublishResult.Published("32", "https://mastodon.example/@herald/32")),
                found);
        assertInstanceOf(LookupResult.Absent.class, elsewhere);
    }

    @Test
    void aConnectionClosedUnderThePostIsSentAgainAtOnceWithTheSameKey() {
        AtomicInteger posts = new AtomicInteger();
        network.on("POST", "/api/v1/statuses", r -> posts.incrementAndGet() == 1 ? Answer.dropped()
                : Answer.json(200, STATUS));

        PublishResult result = AttemptRun.run(connector, channel(), text("Hello"), Delivery.Attempt.PUBLISH);

        assertEquals(new PublishResult.Published("103704874086360371",
                "https://mastodon.example/@herald/103704874086360371"), result);
        List<FakeNetwork.Received> sent = network.received("POST", "/api/v1/statuses");
        assertEquals(2, sent.size(), "sent once more, at once");
        assertEquals(List.of("pub-42-key", "pub-42-key"), sent.stream().map(r -> r.header("Idempotency-Key")).toList());
    }

    @Test
    void uploadsImagesWithAltTextAndWaitsUntilTheyAreProcessedWithoutHoldingTheCaller() throws Exception {
        Path file = Files.write(dir.resolve("cat.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Runnable uploaded = network.holding("POST", "/api/v2/media", Answer.json(202, """
                {"id": "22", "type": "image", "url": null, "preview_url": null, "description": "A cat"}"""));
        AtomicInteger checks = new AtomicInteger();
        network.on("GET", "/api/v1/media/22", r -> checks.incrementAndGet() < 2
                ? Answer.json(206, "{\"id\": \"22\", \"url\": null}")
                : Answer.json(200, "{\"id\": \"22\", \"url\": \"https://files.example/cat.png\"}"));
        network.on("POST", "/api/v1/statuses", Answer.json(200, STATUS));

        CompletableFuture<PublishResult> later = connector.publishLater(channel(), new Outgoing(42, "pub-42-key",
                "Look", null, List.of(new OutgoingMedia("cat.png", "image/png", 4, file, "A cat"))));

        assertFalse(later.isDone(), "the caller got its thread back before Mastodon answered the upload");
        uploaded.run();
        assertInstanceOf(PublishResult.Published.class, later.get(5, TimeUnit.SECONDS));
        FakeNetwork.Received upload = network.received("POST", "/api/v2/media").get(0);
        assertEquals("Bearer tok-1", upload.header("Authorization"));
        assertTrue(upload.header("Content-Type").startsWith("multipart/form-data; boundary="));
        String form = new String(upload.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(form.contains("name=\"file\"; filename=\"cat.png\"\r\nContent-Type: image/png\r\n\r\n\u0089PNG\r\n"), form);
        assertTrue(form.contains("name=\"description\"") && form.contains("\r\n\r\nA cat\r\n"), form);
        assertEquals(2, network.received("GET", "/api/v1/media/22").size());
        JsonObject body = json(network.received("POST", "/api/v1/statuses").get(0).text());
        assertEquals("22", body.getJsonArray("media_ids").getString(0));
    }

    @Test
    void anImageStillProcessingAfterTheChecksIsRetriedWithoutPosting() throws Exception {
        Path file = Files.write(dir.resolve("big.png"), new byte[] {1});
        network.on("POST", "/api/v2/media", Answer.json(202, "{\"id\": \"23\", \"url\": null}"));
        network.on("GET", "/api/v1/media/23", Answer.json(206, "{\"id\": \"23\", \"url\": null}"));

        PublishResult result = connector.publish(channel(), new Outgoing(42, "k", "x", null,
                List.of(new OutgoingMedia("big.png", "image/png", 1, file, null))));

        assertInstanceOf(PublishResult.RetryLater.class, result);
        assertTrue(network.received("POST", "/api/v1/statuses").isEmpty());
    }

    @Test
    void aRevokedTokenAsksForReconnection() {
        network.on("POST", "/api/v1/statuses", Answer.json(401, "{\"error\": \"The access token was revoked\"}"));

        PublishResult result = connector.publish(channel(), text("Hello"));

        PublishResult.Rejected rejected = assertInstanceOf(PublishResult.Rejected.class, result);
        assertTrue(rejected.reason().contains("Reconnect"), rejected.reason());
        assertTrue(rejected.reason().contains("The access token was revoked"), rejected.reason());
    }

    @Test
    void aMissingTokenIsRejected() {
        PublishResult result = connector.publish(new ChannelAccess(7, network.baseUrl(), "herald", Map.of()), text("Hi"));

        assertTrue(assertInstanceOf(PublishResult.Rejected.class, result).reason().contains("access_token"));
        assertTrue(network.received().isEmpty());
    }

    @Test
    void aRateLimitIsRetriedAfterTheAskedDelay() {
        network.on("POST", "/api/v1/statuses",
                Answer.json(429, "{\"error\": \"Too many requests\"}").withHeader("Retry-After", "30"));

        PublishResult result = connector.publish(channel(), text("Hello"));

        assertEquals(Duration.ofSeconds(30), assertInstanceOf(PublishResult.RetryLater.class, result).retryAfter());
    }

    @Test
    void aServerErrorIsRetried() {
        network.on("POST", "/api/v1/statuses", Answer.json(500, "{\"error\": \"oops\"}"));

        assertInstanceOf(PublishResult.RetryLater.class, connector.publish(channel(), text("Hello")));
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void aValidationErrorIsRejectedInMastodonsWords(Sending sending) {
        network.on("POST", "/api/v1/statuses",
                Answer.json(422, "{\"error\": \"Validation failed: Text character limit of 500 exceeded\"}"));

        PublishResult result = sending.publish(connector, channel(), text("Hello"));

        assertTrue(assertInstanceOf(PublishResult.Rejected.class, result).reason().contains("character limit of 500"));
    }

    @Test
    void anUnreadableSuccessIsUnconfirmed() {
        network.on("POST", "/api/v1/statuses", Answer.json(200, "<html>Mastodon</html>"));

        assertInstanceOf(PublishResult.Unconfirmed.class, connector.publish(channel(), text("Hello")));
    }

    @Test
    void noAnswerAfterTheRequestWasReceivedIsUnconfirmed() {
        network.on("POST", "/api/v1/statuses", Answer.json(200, STATUS).delayed(1_500));

        assertInstanceOf(PublishResult.Unconfirmed.class, connector.publish(channel(), text("Hello")));
        assertEquals(1, network.received("POST", "/api/v1/statuses").size());
    }

    @Test
    void lookupFindsTheStatusByItsRenderedText() {
        network.on("GET", "/api/v1/accounts/verify_credentials", Answer.json(200, "{\"id\": \"14715\", \"username\": \"herald\"}"));
        network.on("GET", "/api/v1/accounts/14715/statuses", Answer.json(200, """
                [{"id": "1", "url": "https://mastodon.example/@herald/1", "content": "<p>Something else</p>"},
                 {"id": "2", "url": "https://mastodon.example/@herald/2",
                  "content": "<p>Launch day with <span class=\\"h-card\\"><a href=\\"https://mastodon.social/@alice\\" class=\\"u-url mention\\">@<span>alice</span></a></span> &amp; friends</p><p>See <a href=\\"https://herald.app/launch\\"><span class=\\"invisible\\">https://</span><span>herald.app/launch</span></a></p>"}]"""));

        LookupResult result = connector.lookup(channel(), text("Launch day with @alice@mastodon.social & friends\n\nSee https://herald.app/launch"));

        assertEquals(new LookupResult.Found(new PublishResult.Published("2", "https://mastodon.example/@herald/2")), result);
        FakeNetwork.Received listing = network.received("GET", "/api/v1/accounts/14715/statuses").get(0);
        assertTrue(listing.query().contains("limit=40"), listing.query());
        assertEquals("Bearer tok-1", listing.header("Authorization"));
        assertTrue(network.received().stream().allMatch(r -> r.method().equals("GET")), "a lookup only reads");
    }

    @Test
    void lookupReportsAbsentWhenNoRecentStatusMatches() {
        network.on("GET", "/api/v1/accounts/verify_credentials", Answer.json(200, "{\"id\": \"14715\"}"));
        network.on("GET", "/api/v1/accounts/14715/statuses", Answer.json(200,
                "[{\"id\": \"1\", \"url\": \"https://m.example/1\", \"content\": \"<p>Hello there</p>\"}]"));

        assertInstanceOf(LookupResult.Absent.class, connector.lookup(channel(), text("Hello")));
    }

    @Test
    void lookupIsUnknownWhenMastodonCannotAnswer() {
        network.on("GET", "/api/v1/accounts/verify_credentials", Answer.json(503, "{\"error\": \"down\"}"));

        assertInstanceOf(LookupResult.Unknown.class, connector.lookup(channel(), text("Hello")));
    }

    @Test
    void metricsAreReadFromTheStatusAndWhatMastodonLacksIsAbsent() {
        network.on("GET", "/api/v1/statuses/103704874086360371", Answer.json(200, STATUS));

        MetricReading reading = connector.fetchMetrics(channel(), "103704874086360371");

        assertEquals(OptionalLong.of(5), reading.value(Metric.LIKES));
        assertEquals(OptionalLong.of(2), reading.value(Metric.SHARES));
        assertEquals(OptionalLong.of(1), reading.value(Metric.REPLIES));
        assertEquals(OptionalLong.empty(), reading.value(Metric.QUOTES));
        assertEquals(OptionalLong.empty(), reading.value(Metric.IMPRESSIONS));
        assertEquals("Bearer tok-1", network.received("GET", "/api/v1/statuses/103704874086360371").get(0)
                .header("Authorization"));
    }

    @Test
    void quotesAreReadWhereTheServerCountsThem() {
        network.on("GET", "/api/v1/statuses/9", Answer.json(200,
                "{\"id\": \"9\", \"favourites_count\": 0, \"reblogs_count\": 0, \"replies_count\": 0, \"quotes_count\": 3}"));

        assertEquals(OptionalLong.of(3), connector.fetchMetrics(channel(), "9").value(Metric.QUOTES));
    }

    @Test
    void validationNamesWhatMastodonWouldRefuse() {
        Path file = dir.resolve("x.png");
        OutgoingMedia image = new OutgoingMedia("x.png", "image/png", 1, file, null);
        List<String> tooMany = connector.validate(new Outgoing(1, "k", "t", null, List.of(image, image, image, image, image)));
        List<String> video = connector.validate(new Outgoing(1, "k", "t", null,
                List.of(new OutgoingMedia("clip.mp4", "video/mp4", 1, file, null))));

        assertEquals(List.of("Mastodon takes at most 4 images per post; this one has 5."), tooMany);
        assertTrue(video.get(0).contains("video") && video.get(0).contains("clip.mp4"), video.toString());
        assertEquals(List.of(), connector.validate(new Outgoing(1, "k", "t", null, List.of(image))));
    }

    @Test
    void followersAreReadFromTheSignedInAccountAndOtherNumbersAreAbsent() {
        network.on("GET", "/api/v1/accounts/verify_credentials", Answer.json(200, """
                {"id": "14715", "username": "herald", "acct": "herald", "display_name": "Herald",
                 "locked": false, "bot": false, "created_at": "2023-02-14T00:00:00.000Z", "note": "<p>Posts for agencies</p>",
                 "url": "https://mastodon.example/@herald", "avatar": "https://files.example/a.png",
                 "followers_count": 2318, "following_count": 120, "statuses_count": 845,
                 "last_status_at": "2025-03-01",
                 "source": {"privacy": "public", "sensitive": false, "language": "en", "note": "Posts for agencies",
                            "fields": [], "follow_requests_count": 0},
                 "emojis": [], "fields": []}"""));

        MetricReading reading = connector.fetchChannelMetrics(channel());

        assertEquals(Map.of(Metric.FOLLOWERS, 2318L), reading.values());
        FakeNetwork.Received sent = network.received("GET", "/api/v1/accounts/verify_credentials").get(0);
        assertEquals("Bearer tok-1", sent.header("Authorization"));
        assertNull(sent.query());
    }

    @Test
    void aRevokedTokenMeansTheFollowersCannotBeRead() {
        network.on("GET", "/api/v1/accounts/verify_credentials",
                Answer.json(401, "{\"error\": \"The access token is invalid\"}"));

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> connector.fetchChannelMetrics(channel()));

        assertTrue(failure.getMessage().contains("The access token is invalid"), failure.getMessage());
    }

    @Test
    void aChannelWithoutTokenCannotBeReadAndAsksNothing() {
        ChannelAccess unconnected = new ChannelAccess(7, network.baseUrl(), "herald", Map.of());

        assertThrows(IllegalStateException.class, () -> connector.fetchChannelMetrics(unconnected));
        assertTrue(network.received().isEmpty());
    }

    @Test
    void connectingAsksTheServerWhoTheTokenIsAndRefusesAnInvalidOne() {
        network.on("GET", "/api/v1/accounts/verify_credentials", r -> "Bearer tok-1".equals(r.header("Authorization"))
                ? Answer.json(200, "{\"id\":\"1\",\"username\":\"herald\",\"acct\":\"herald\"}")
                : Answer.json(401, "{\"error\":\"The access token is invalid\"}"));
        assertEquals(new AccountCheck.Confirmed("@herald"), connector.whoAmI(channel()));
        AccountCheck refused = connector.whoAmI(new ChannelAccess(7, network.baseUrl(), "herald", Map.of("access_token", "abc")));
        assertTrue(refused instanceof AccountCheck.Refused r && r.reason().contains("The access token is invalid"), refused.toString());
    }
}
