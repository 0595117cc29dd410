package app.herald.publishing.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import app.herald.testsupport.FakeNetwork.Answer;
import app.herald.testsupport.FakeNetwork;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bluesky's XRPC API (docs.bsky.app, atproto.com lexicons), played by a fake PDS on loopback. */
class BlueskyConnectorTest {

    private static final String HANDLE = "herald.bsky.social";
    private static final String DID = "did:plc:herald";
    private static final String KEY = "pub-42-key";
    private static final String RKEY = BlueskyConnector.recordKey(KEY);
    private static final String URI = "at://" + DID + "/app.bsky.feed.post/" + RKEY;
    private static final String CREATED = "{\"uri\": \"" + URI + "\", \"cid\": \"bafyreig2fjxi3rptqdgylg7e5hmjl6mcke7rn2b6cugzlqq3i4zu6rq52q\","
            + " \"commit\": {\"cid\": \"bafyreiabc\", \"rev\": \"3lbq3hkcaok2e\"}, \"validationStatus\": \"valid\"}";

    private final FakeNetwork network = new FakeNetwork();
    private final BlueskyConnector connector = new BlueskyConnector(Duration.ofMillis(800));
    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        network.close();
    }

    /** A channel with a live session. */
    private ChannelAccess channel() {
        return new ChannelAccess(3, network.baseUrl(), HANDLE, Map.of("app_password", "abcd-efgh-ijkl-mnop",
                "access_jwt", "jwt-1", "refresh_jwt", "ref-1", "did", DID));
    }

    private static Outgoing text(String text) {
        return new Outgoing(42, KEY, text);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static String session(String access, String refresh) {
        return "{\"did\": \"" + DID + "\", \"handle\": \"" + HANDLE + "\", \"accessJwt\": \"" + access
                + "\", \"refreshJwt\": \"" + refresh + "\", \"active\": true}";
    }

    @Test
    void signsInWithTheAppPasswordAndCreatesThePostUnderItsDerivedRecordKey() {
        network.on("POST", "/xrpc/com.atproto.server.createSession", Answer.json(200, session("jwt-new", "ref-new")));
        network.on("POST", "/xrpc/com.atproto.repo.createRecord", Answer.json(200, CREATED));
        ChannelAccess channel = new ChannelAccess(3, network.baseUrl(), HANDLE, Map.of("app_password", "abcd-efgh-ijkl-mnop"));

        PublishResult result = connector.publish(channel, text("Hello Bluesky"));

        assertEquals(new PublishResult.Published(URI, "https://bsky.app/profile/" + HANDLE + "/post/" + RKEY), result);
        JsonObject signIn = json(network.received("POST", "/xrpc/com.atproto.server.createSession").get(0).text());
        assertEquals(HANDLE, signIn.getString("identifier"));
        assertEquals("abcd-efgh-ijkl-mnop", signIn.getString("password"));
        assertEquals(Map.of("access_jwt", "jwt-new", "refresh_jwt", "ref-new", "did", DID), channel.renewed());
        FakeNetwork.Received create = network.received("POST", "/xrpc/com.atproto.repo.createRecord").get(0);
        assertEquals("Bearer jwt-new", create.header("Authorization"));
        JsonObject body = json(create.text());
        assertEquals(DID, body.getString("repo"));
        assertEquals("app.bsky.feed.post", body.getString("collection"));
        assertEquals(RKEY, body.getString("rkey"));
        JsonObject record = body.getJsonObject("record");
        assertEquals("app.bsky.feed.post", record.getString("$type"));
        assertEquals("Hello Bluesky", record.getString("text"));
        assertTrue(Instant.parse(record.getString("createdAt")).isAfter(Instant.now().minusSeconds(60)));
        assertFalse(record.containsKey("facets"));
        assertFalse(record.containsKey("embed"));
    }

    @Test
    void facetsCountUtf8BytesSoAccentsAndEmojiBeforeALinkDoNotShiftIt() {
        network.on("GET", "/xrpc/com.atproto.identity.resolveHandle", r -> r.query().equals("handle=alice.test")
                ? Answer.json(200, "{\"did\": \"did:plc:alice\"}")
                : Answer.json(400, "{\"error\": \"InvalidRequest\", \"message\": \"Unable to resolve handle\"}"));
        network.on("POST", "/xrpc/com.atproto.repo.createRecord", Answer.json(200, CREATED));
        String text = "Ça marche 🎉 https://herald.app/x @alice.test @ghost.example #launch";

        connector.publish(channel(), text(text));

        JsonArray facets = json(network.received("POST", "/xrpc/com.atproto.repo.createRecord").get(0).text())
                .getJsonObject("record").getJsonArray("facets");
        assertEquals(3, facets.size(), facets.toString());
        assertFacet(facets.getJsonObject(0), 16, 36, "app.bsky.richtext.facet#link", "uri", "https://herald.app/x");
        assertFacet(facets.getJsonObject(1), 37, 48, "app.bsky.richtext.facet#mention", "did", "did:plc:alice");
        assertFacet(facets.getJsonObject(2), 64, 71, "app.bsky.richtext.facet#tag", "tag", "launch");
    }

    private static void assertFacet(JsonObject facet, int start, int end, String type, String field, String value) {
        assertEquals(start, facet.getJsonObject("index").getInt("byteStart"), facet.toString());
        assertEquals(end, facet.getJsonObject("index").getInt("byteEnd"), facet.toString());
        JsonObject feature = facet.getJsonArray("features").getJsonObject(0);
        assertEquals(type, feature.getString("$type"));
        assertEquals(value, feature.getString(field));
    }

    @Test
    void aLinkEndsBeforeTheSentencePunctuation() {
        network.on("POST", "/xrpc/com.atproto.repo.createRecord", Answer.json(200, CREATED));

        connector.publish(channel(), text("Read (https://herald.app/a_b)."));

        JsonObject link = json(network.received("POST", "/xrpc/com.atproto.repo.createRecord").get(0).text())
                .getJsonObject("record").getJsonArray("facets").getJsonObject(0);
        assertFacet(link, 6, 28, "app.bsky.richtext.facet#link", "uri", "https://herald.app/a_b");
    }

    @Test
    void imagesAreUploadedAsBlobsAndEmbeddedWithAltText() throws Exception {
        Path file = Files.write(dir.resolve("cat.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2});
        String blob = "{\"$type\": \"blob\", \"ref\": {\"$link\": \"bafkreibabalobzn6cd366ukcsjycp4yymjymgfxcv6xczmlgpemzkz3cfa\"},"
                + " \"mimeType\": \"image/jpeg\", \"size\": 4}";
        network.on("POST", "/xrpc/com.atproto.repo.uploadBlob", Answer.json(200, "{\"blob\": " + blob + "}"));
        network.on("POST", "/xrpc/com.atproto.repo.createRecord", Answer.json(200, CREATED));

        connector.publish(channel(), new Outgoing(42, KEY, "A cat", null,
                List.of(new OutgoingMedia("cat.jpg", "image/jpeg", 4, file, "A grey cat"))));

        FakeNetwork.Received upload = network.received("POST", "/xrpc/com.atproto.repo.uploadBlob").get(0);
        assertEquals("image/jpeg", upload.header("Content-Type"));
        assertEquals("Bearer jwt-1", upload.header("Authorization"));
        assertTrue(Arrays.equals(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2}, upload.body()));
        JsonObject embed = json(network.received("POST", "/xrpc/com.atproto.repo.createRecord").get(0).text())
                .getJsonObject("record").getJsonObject("embed");
        assertEquals("app.bsky.embed.images", embed.getString("$type"));
        assertEquals("A grey cat", embed.getJsonArray("images").getJsonObject(0).getString("alt"));
        assertEquals(json(blob), embed.getJsonArray("images").getJsonObject(0).getJsonObject("image"));
    }

    @Test
    void anExpiredAccessTokenIsRefreshedAndTheRequestSentOnceMore() {
        AtomicInteger attempts = new AtomicInteger();
        network.on("POST", "/xrpc/com.atproto.repo.createRecord", r -> attempts.incrementAndGet() == 1
                ? Answer.json(400, "{\"error\": \"ExpiredToken\", \"message\": \"Token has expired\"}")
                : Answer.json(200, CREATED));
        network.on("POST", "/xrpc/com.atproto.server.refreshSession", Answer.json(200, session("jwt-2", "ref-2")));
        ChannelAccess channel = channel();

        PublishResult result = connector.publish(channel, text("Hello"));

        assertInstanceOf(PublishResult.Published.class, result);
        assertEquals("Bearer ref-1", network.received("POST", "/xrpc/com.atproto.server.refreshSession").get(0)
                .header("Authorization"));
        List<FakeNetwork.Received> creates = network.received("POST", "/xrpc/com.atproto.repo.createRecord");
        assertEquals(2, creates.size());
        assertEquals("Bearer jwt-2", creates.get(1).header("Authorization"));
        assertEquals("jwt-2", channel.renewed().get("access_jwt"));
        assertEquals("ref-2", channel.renewed().get("refresh_jwt"));
        assertTrue(network.received("POST", "/xrpc/com.atproto.server.createSession").isEmpty());
    }

    @Test
    void aRefusedAppPasswordAsksForReconnection() {
        network.on("POST", "/xrpc/com.atproto.server.createSession",
                Answer.json(401, "{\"error\": \"AuthenticationRequired\", \"message\": \"Invalid identifier or password\"}"));
        ChannelAccess channel = new ChannelAccess(3, network.baseUrl(), HANDLE, Map.of("app_password", "wrong"));

        PublishResult result = connector.publish(channel, text("Hello"));

        String reason = assertInstanceOf(PublishResult.Rejected.class, result).reason();
        assertTrue(reason.contains("Reconnect") && reason.contains("Invalid identifier or password"), reason);
    }

    @Test
    void aTextPostIsHandedOverWithoutTheCallerWaitingForThePds() {
        Runnable answer = network.holding("POST", "/xrpc/com.atproto.repo.createRecord", Answer.json(200, CREATED));

        CompletableFuture<PublishResult> later = connector.publishLater(channel(), text("Hello https://herald.app #launch"));

        assertFalse(later.isDone(), "the caller is free while the PDS has not answered");
        answer.run();
        assertEquals(new PublishResult.Published(URI, "https://bsky.app/profile/" + HANDLE + "/post/" + RKEY),
                later.join());
        JsonObject record = json(network.received("POST", "/xrpc/com.atproto.repo.createRecord").get(0).text())
                .getJsonObject("record");
        assertEquals(2, record.getJsonArray("facets").size(), "links and tags need no network to be found");
    }

    @Test
    void aPostMentioningSomeoneIsMadeOnTheCallingThreadAfterTheHandleIsResolved() {
        network.on("GET", "/xrpc/com.atproto.identity.resolveHandle", Answer.json(200, "{\"did\": \"did:plc:alice\"}"));
        network.on("POST", "/xrpc/com.atproto.repo.createRecord", Answer.json(200, CREATED));

        CompletableFuture<PublishResult> later = connector.publishLater(channel(), text("Hi @alice.test"));

        assertTrue(later.isDone());
        assertInstanceOf(PublishResult.Published.class, later.join());
        assertEquals(1, network.received("GET", "/xrpc/com.atproto.identity.resolveHandle").size());
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void whenTheRefreshTokenExpiredTooItSignsInAgainAndSendsOnceMore(Sending sending) {
        AtomicInteger attempts = new AtomicInteger();
        network.on("POST", "/xrpc/com.atproto.repo.createRecord", r -> attempts.incrementAndGet() == 1
                ? Answer.json(401, "{\"error\": \"ExpiredToken\", \"message\": \"Token has expired\"}")
                : Answer.json(200, CREATED));
        network.on("POST", "/xrpc/com.atproto.server.refreshSession",
                Answer.json(400, "{\"error\": \"ExpiredToken\", \"message\": \"Token has expired\"}"));
        network.on("POST", "/xrpc/com.atproto.server.createSession", Answer.json(200, session("jwt-3", "ref-3")));
        ChannelAccess channel = channel();

        PublishResult result = sending.publish(connector, channel, text("Hello"));

        assertInstanceOf(PublishResult.Published.class, result);
        assertEquals("Bearer ref-1", network.received("POST", "/xrpc/com.atproto.server.refreshSession").get(0)
                .header("Authorization"));
        assertEquals("Bearer jwt-3", network.received("POST", "/xrpc/com.atproto.repo.createRecord").get(1)
                .header("Authorization"));
        assertEquals(Map.of("access_jwt", "jwt-3", "refresh_jwt", "ref-3", "did", DID), channel.renewed());
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void aRefusedAppPasswordOnRenewalAsksForReconnectionAndSendsNothingMore(Sending sending) {
        network.on("POST", "/xrpc/com.atproto.repo.createRecord",
                Answer.json(400, "{\"error\": \"InvalidToken\", \"message\": \"Token could not be verified\"}"));
        network.on("POST", "/xrpc/com.atproto.server.refreshSession",
                Answer.json(400, "{\"error\": \"ExpiredToken\", \"message\": \"Token has expired\"}"));
        network.on("POST", "/xrpc/com.atproto.server.createSession",
                Answer.json(401, "{\"error\": \"AuthenticationRequired\", \"message\": \"Invalid identifier or password\"}"));

        PublishResult result = sending.publish(connector, channel(), text("Hello"));

        String reason = assertInstanceOf(PublishResult.Rejected.class, result).reason();
        assertTrue(reason.contains("Reconnect") && reason.contains("Invalid identifier or password"), reason);
        assertEquals(1, network.received("POST", "/xrpc/com.atproto.repo.createRecord").size());
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void aRecordKeyAlreadyTakenMeansTheEarlierAttemptMadeThePostAndAServerErrorWithoutOneIsRetried(Sending sending) {
        network.on("POST", "/xrpc/com.atproto.repo.createRecord",
                Answer.json(400, "{\"error\": \"InvalidRequest\", \"message\": \"Record already exists\"}"));
        network.on("GET", "/xrpc/com.atproto.repo.getRecord", Answer.json(200,
                "{\"uri\": \"" + URI + "\", \"cid\": \"bafyrei1\", \"value\": {\"text\": \"Hello\"}}"));

        assertEquals(new PublishResult.Published(URI, "https://bsky.app/profile/" + HANDLE + "/post/" + RKEY),
                sending.publish(connector, channel(), text("Hello")));

        network.on("POST", "/xrpc/com.atproto.repo.createRecord", Answer.json(502, "{\"error\": \"UpstreamFailure\"}"));
        network.on("GET", "/xrpc/com.atproto.repo.getRecord",
                Answer.json(400, "{\"error\": \"RecordNotFound\", \"message\": \"Could not locate record\"}"));

        assertInstanceOf(PublishResult.RetryLater.class, sending.publish(connector, channel(), text("Hello")));
    }

    @Test
    void aRateLimitIsRetriedAfterTheAskedDelay() {
        network.on("POST", "/xrpc/com.atproto.repo.createRecord",
                Answer.json(429, "{\"error\": \"RateLimitExceeded\", \"message\": \"Rate Limit Exceeded\"}")
                        .withHeader("Retry-After", "30"));

        PublishResult.RetryLater later = assertInstanceOf(PublishResult.RetryLater.class,
                connector.publish(channel(), text("Hello")));
        assertEquals(Duration.ofSeconds(30), later.retryAfter());
    }

    @Test
    void aRateLimitResetTimeIsUsedWhenNoRetryAfterCame() {
        long reset = Instant.now().getEpochSecond() + 120;
        network.on("POST", "/xrpc/com.atproto.repo.createRecord",
                Answer.json(429, "{\"error\": \"RateLimitExceeded\"}").withHeader("RateLimit-Reset", String.valueOf(reset)));

        Duration wait = assertInstanceOf(PublishResult.RetryLater.class, connector.publish(channel(), text("Hello")))
                .retryAfter();
        assertTrue(wait.toSeconds() >= 115 && wait.toSeconds() <= 120, wait.toString());
    }

    @Test
    void aServerErrorIsRetried() {
        network.on("POST", "/xrpc/com.atproto.repo.createRecord", Answer.json(502, "{\"error\": \"UpstreamFailure\"}"));

        assertInstanceOf(PublishResult.RetryLater.class, connector.publish(channel(), text("Hello")));
    }

    @Test
    void anUnreadableSuccessIsUnconfirmed() {
        network.on("POST", "/xrpc/com.atproto.repo.createRecord", Answer.json(200, "{\"uri\": "));

        assertInstanceOf(PublishResult.Unconfirmed.class, connector.publish(channel(), text("Hello")));
    }

    @Test
    void noAnswerAfterTheRequestWasReceivedIsUnconfirmed() {
        network.on("POST", "/xrpc/com.atproto.repo.createRecord", Answer.json(200, CREATED).delayed(1_500));

        assertInstanceOf(PublishResult.Unconfirmed.class, connector.publish(channel(), text("Hello")));
    }

    @Test
    void lookupAsksForExactlyThePublicationsRecord() {
        network.on("GET", "/xrpc/com.atproto.repo.getRecord", Answer.json(200,
                "{\"uri\": \"" + URI + "\", \"cid\": \"bafyrei1\", \"value\": {\"$type\": \"app.bsky.feed.post\", \"text\": \"Hello\"}}"));

        LookupResult result = connector.lookup(channel(), text("Hello"));

        assertEquals(new LookupResult.Found(new PublishResult.Published(URI,
                "https://bsky.app/profile/" + HANDLE + "/post/" + RKEY)), result);
        String query = network.received("GET", "/xrpc/com.atproto.repo.getRecord").get(0).query();
        assertEquals("repo=did%3Aplc%3Aherald&collection=app.bsky.feed.post&rkey=" + RKEY, query);
    }

    @Test
    void lookupReportsAbsentWhenThePdsHasNoSuchRecord() {
        network.on("GET", "/xrpc/com.atproto.repo.getRecord", Answer.json(400,
                "{\"error\": \"RecordNotFound\", \"message\": \"Could not locate record: " + URI + "\"}"));

        assertInstanceOf(LookupResult.Absent.class, connector.lookup(channel(), text("Hello")));
    }

    @Test
    void lookupIsUnknownWhenThePdsIsDown() {
        network.on("GET", "/xrpc/com.atproto.repo.getRecord", Answer.json(503, "{\"error\": \"Unavailable\"}"));

        assertInstanceOf(LookupResult.Unknown.class, connector.lookup(channel(), text("Hello")));
    }

    @Test
    void recordKeysAreValidTidsThatDependOnlyOnThePublication() {
        String key = BlueskyConnector.recordKey("pub-42-key");

        assertEquals(key, BlueskyConnector.recordKey("pub-42-key"));
        assertNotEquals(key, BlueskyConnector.recordKey("pub-43-key"));
        assertTrue(key.matches("[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}"), key);
        long value = 0;
        for (char c : key.toCharArray()) {
            value = (value << 5) | "234567abcdefghijklmnopqrstuvwxyz".indexOf(c);
        }
        Instant time = Instant.EPOCH.plusNanos((value >>> 10) * 1_000);
        assertTrue(time.isAfter(Instant.parse("1999-12-31T23:59:59Z")) && time.isBefore(Instant.parse("2018-01-01T00:00:00Z")),
                time.toString());
    }

    @Test
    void metricsAreReadFromTheAppViewAndImpressionsAreAbsent() {
        network.on("GET", "/xrpc/app.bsky.feed.getPosts", Answer.json(200, "{\"posts\": [{\"uri\": \"" + URI + "\","
                + " \"cid\": \"bafyrei1\", \"author\": {\"did\": \"" + DID + "\", \"handle\": \"" + HANDLE + "\"},"
                + " \"record\": {\"text\": \"Hello\"}, \"replyCount\": 3, \"repostCount\": 4, \"likeCount\": 12,"
                + " \"quoteCount\": 1, \"indexedAt\": \"2025-03-01T10:00:00.000Z\"}]}"));

        MetricReading reading = connector.fetchMetrics(channel(), URI);

        assertEquals(OptionalLong.of(12), reading.value(Metric.LIKES));
        assertEquals(OptionalLong.of(4), reading.value(Metric.SHARES));
        assertEquals(OptionalLong.of(3), reading.value(Metric.REPLIES));
        assertEquals(OptionalLong.of(1), reading.value(Metric.QUOTES));
        assertEquals(OptionalLong.empty(), reading.value(Metric.IMPRESSIONS));
        FakeNetwork.Received sent = network.received("GET", "/xrpc/app.bsky.feed.getPosts").get(0);
        assertEquals("uris=at%3A%2F%2Fdid%3Aplc%3Aherald%2Fapp.bsky.feed.post%2F" + RKEY, sent.query());
        assertEquals("Bearer jwt-1", sent.header("Authorization"));
    }

    @Test
    void validationNamesWhatBlueskyWouldRefuse() {
        Path file = dir.resolve("x.png");
        OutgoingMedia small = new OutgoingMedia("x.png", "image/png", 1_000, file, null);
        OutgoingMedia large = new OutgoingMedia("big.png", "image/png", 1_500_000, file, null);

        assertEquals(List.of("Bluesky takes at most 4 images per post; this one has 5."),
                connector.validate(new Outgoing(1, "k", "t", null, List.of(small, small, small, small, small))));
        assertEquals(List.of("Bluesky takes images up to 1 MB; big.png is larger."),
                connector.validate(new Outgoing(1, "k", "t", null, List.of(large))));
        assertEquals(List.of(), connector.validate(new Outgoing(1, "k", "t", null, List.of(small))));
    }

    @Test
    void bookmarksAndViewsAreReadWhereTheAppViewCountsThem() {
        network.on("GET", "/xrpc/app.bsky.feed.getPosts", Answer.json(200, "{\"posts\": [{\"uri\": \"" + URI + "\","
                + " \"cid\": \"bafyrei1\", \"author\": {\"did\": \"" + DID + "\", \"handle\": \"" + HANDLE + "\"},"
                + " \"record\": {\"text\": \"Hello\"}, \"bookmarkCount\": 5, \"replyCount\": 0, \"repostCount\": 2,"
                + " \"likeCount\": 30, \"quoteCount\": 0, \"viewCount\": 1400,"
                + " \"indexedAt\": \"2025-03-01T10:00:00.000Z\"}]}"));

        MetricReading reading = connector.fetchMetrics(channel(), URI);

        assertEquals(Map.of(Metric.SAVES, 5L, Metric.REPLIES, 0L, Metric.SHARES, 2L, Metric.LIKES, 30L, Metric.QUOTES, 0L,
                Metric.IMPRESSIONS, 1400L), reading.values());
    }

    @Test
    void followersAreReadFromTheProfileAskedForByDid() {
        network.on("GET", "/xrpc/app.bsky.actor.getProfile", Answer.json(200, "{\"did\": \"" + DID + "\","
                + " \"handle\": \"" + HANDLE + "\", \"displayName\": \"Herald\", \"description\": \"Posts for agencies\","
                + " \"avatar\": \"https://cdn.bsky.app/img/avatar/plain/did:plc:herald/bafkrei@jpeg\","
                + " \"followersCount\": 1204, \"followsCount\": 87, \"postsCount\": 342,"
                + " \"associated\": {\"lists\": 0, \"feedgens\": 0, \"starterPacks\": 0, \"labeler\": false},"
                + " \"indexedAt\": \"2024-11-20T09:00:00.000Z\", \"createdAt\": \"2024-11-20T08:58:00.000Z\","
                + " \"viewer\": {\"muted\": false, \"blockedBy\": false}, \"labels\": []}"));

        MetricReading reading = connector.fetchChannelMetrics(channel());

        assertEquals(Map.of(Metric.FOLLOWERS, 1204L), reading.values());
        FakeNetwork.Received sent = network.received("GET", "/xrpc/app.bsky.actor.getProfile").get(0);
        assertEquals("actor=did%3Aplc%3Aherald", sent.query());
        assertEquals("Bearer jwt-1", sent.header("Authorization"));
        assertTrue(network.received("POST", "/xrpc/com.atproto.server.createSession").isEmpty());
    }

    @Test
    void followersOfAChannelWithoutSessionAreReadAfterSigningIn() {
        network.on("POST", "/xrpc/com.atproto.server.createSession", Answer.json(200, session("jwt-new", "ref-new")));
        network.on("GET", "/xrpc/app.bsky.actor.getProfile", Answer.json(200,
                "{\"did\": \"" + DID + "\", \"handle\": \"" + HANDLE + "\", \"followersCount\": 9}"));

        MetricReading reading = connector.fetchChannelMetrics(new ChannelAccess(3, network.baseUrl(), HANDLE,
                Map.of("app_password", "abcd-efgh-ijkl-mnop")));

        assertEquals(OptionalLong.of(9), reading.value(Metric.FOLLOWERS));
        assertEquals("Bearer jwt-new", network.received("GET", "/xrpc/app.bsky.actor.getProfile").get(0)
                .header("Authorization"));
    }

    @Test
    void anAppViewErrorMeansTheFollowersCannotBeRead() {
        network.on("GET", "/xrpc/app.bsky.actor.getProfile", Answer.json(500,
                "{\"error\": \"InternalServerError\", \"message\": \"Internal Server Error\"}"));

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> connector.fetchChannelMetrics(channel()));

        assertTrue(failure.getMessage().contains("Internal Server Error"), failure.getMessage());
    }

    @Test
    void aRefusedAppPasswordMeansTheFollowersCannotBeRead() {
        network.on("POST", "/xrpc/com.atproto.server.createSession", Answer.json(401,
                "{\"error\": \"AuthenticationRequired\", \"message\": \"Invalid identifier or password\"}"));

        assertThrows(IllegalStateException.class, () -> connector.fetchChannelMetrics(new ChannelAccess(3,
                network.baseUrl(), HANDLE, Map.of("app_password", "wrong"))));
        assertTrue(network.received("GET", "/xrpc/app.bsky.actor.getProfile").isEmpty());
    }

    @Test
    void connectingSignsInWithTheAppPasswordAndKeepsTheSessionOrSaysWhyNot() {
        network.on("POST", "/xrpc/com.atproto.server.createSession", r -> r.text().contains("abcd-efgh-ijkl-mnop")
                ? Answer.json(200, "{\"did\":\"did:plc:abc\",\"handle\":\"" + HANDLE
                        + "\",\"accessJwt\":\"a1\",\"refreshJwt\":\"r1\"}")
                : Answer.json(401, "{\"error\":\"AuthenticationRequired\",\"message\":\"Invalid identifier or password\"}"));
        ChannelAccess fresh = new ChannelAccess(3, network.baseUrl(), HANDLE, Map.of("app_password", "abcd-efgh-ijkl-mnop"));
        assertEquals(new AccountCheck.Confirmed("@" + HANDLE), connector.whoAmI(fresh));
        assertEquals("a1", fresh.renewed().get("access_jwt"), "the session is kept for publishing");
        AccountCheck refused = connector.whoAmI(new ChannelAccess(3, network.baseUrl(), HANDLE, Map.of("app_password", "wrong")));
        assertTrue(refused instanceof AccountCheck.Refused r && r.reason().contains("Invalid identifier or password"), refused.toString());
        AccountCheck empty = connector.whoAmI(new ChannelAccess(3, network.baseUrl(), HANDLE, Map.of()));
        assertTrue(empty instanceof AccountCheck.Refused, "no app password, no connection: " + empty);
        assertEquals(2, network.received("POST", "/xrpc/com.atproto.server.createSession").size(),
                "an empty password is refused without asking");
    }
}
