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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
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

/** LinkedIn's versioned REST API (learn.microsoft.com/linkedin), played by a fake API on loopback. */
class LinkedInConnectorTest {

    private static final String ORG = "urn:li:organization:5515715";
    private static final String SHARE = "urn:li:share:6844785523593134080";

    private final FakeNetwork network = new FakeNetwork();
    private final LinkedInConnector connector = new LinkedInConnector(Duration.ofMillis(800));
    @TempDir
    Path dir;

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
        return new ChannelAccess(9, network.baseUrl(), account, credentials);
    }

    private ChannelAccess channel() {
        return channel(ORG, Map.of());
    }

    private static Outgoing text(String text) {
        return new Outgoing(42, "pub-42-key", text);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static Answer created() {
        return new Answer(201, "", Map.of("x-restli-id", SHARE), 0);
    }

    private static void assertVersionedRequest(FakeNetwork.Received request, String token) {
        assertEquals("Bearer " + token, request.header("Authorization"));
        assertEquals("202510", request.header("Linkedin-Version"));
        assertEquals("2.0.0", request.header("X-Restli-Protocol-Version"));
    }

    @Test
    void aPostOfWordsIsSentWithoutTheCallerWaitingForLinkedInsAnswer() throws Exception {
        Runnable answer = network.holding("POST", "/rest/posts", created());

        CompletableFuture<PublishResult> sent = connector.publishLater(channel(), text("Hello LinkedIn"));

        assertFalse(sent.isDone(), "the caller got its thread back before LinkedIn answered");
        answer.run();
        assertEquals(new PublishResult.Published(SHARE, "https://www.linkedin.com/feed/update/" + SHARE + "/"),
                sent.get(5, TimeUnit.SECONDS));
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void postsAsTheOrganizationWithVersionHeadersAndReadsTheUrnFromTheHeader(Sending sending) {
        network.on("POST", "/rest/posts", created());

        PublishResult result = sending.publish(connector, channel(), text("Hello LinkedIn"));

        assertEquals(new PublishResult.Published(SHARE, "https://www.linkedin.com/feed/update/" + SHARE + "/"), result);
        FakeNetwork.Received sent = network.received("POST", "/rest/posts").get(0);
        assertVersionedRequest(sent, "tok-1");
        assertEquals(json("""
                {"author": "urn:li:organization:5515715", "commentary": "Hello LinkedIn", "visibility": "PUBLIC",
                 "distribution": {"feedDistribution": "MAIN_FEED", "targetEntities": [], "thirdPartyDistributionChannels": []},
                 "lifecycleState": "PUBLISHED", "isReshareDisabledByAuthor": false}"""), json(sent.text()));
    }

    @Test
    void commentaryEscapesLittleTextMarkupAndKeepsHashtags() {
        network.on("POST", "/rest/posts", created());

        connector.publish(channel(), text("Big news (finally) for #Herald_App users @ [home] <3"));

        assertEquals("Big news \\(finally\\) for {hashtag|\\#|Herald\\_App} users \\@ \\[home\\] \\<3",
                json(network.received("POST", "/rest/posts").get(0).text()).getString("commentary"));
    }

    @Test
    void anImageIsRegisteredUploadedAndAttachedWithAltText() throws Exception {
        Path file = Files.write(dir.resolve("team.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 9});
        network.on("POST", "/rest/images", Answer.json(200, "{\"value\": {\"uploadUrlExpiresAt\": 1650567510704,"
                + " \"uploadUrl\": \"" + network.baseUrl() + "/dms-uploads/sp/D5610AQ/uploaded-image\","
                + " \"image\": \"urn:li:image:C4E10AQFoyyAjHPMQuQ\"}}"));
        network.on("PUT", "/dms-uploads/sp/D5610AQ/uploaded-image", new Answer(201, "", Map.of(), 0));
        network.on("POST", "/rest/posts", created());

        connector.publish(channel(), new Outgoing(42, "k", "Our team", null,
                List.of(new OutgoingMedia("team.jpg", "image/jpeg", 3, file, "Five people smiling"))));

        FakeNetwork.Received init = network.received("POST", "/rest/images").get(0);
        assertEquals("action=initializeUpload", init.query());
        assertVersionedRequest(init, "tok-1");
        assertEquals(json("{\"initializeUploadRequest\": {\"owner\": \"" + ORG + "\"}}"), json(init.text()));
        FakeNetwork.Received upload = network.received("PUT", "/dms-uploads/sp/D5610AQ/uploaded-image").get(0);
        assertEquals("Bearer tok-1", upload.header("Authorization"));
        assertTrue(Arrays.equals(new byte[] {(byte) 0xFF, (byte) 0xD8, 9}, upload.body()));
        assertEquals(json("{\"media\": {\"id\": \"urn:li:image:C4E10AQFoyyAjHPMQuQ\", \"altText\": \"Five people smiling\"}}"),
                json(network.received("POST", "/rest/posts").get(0).text()).getJsonObject("content"));
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void a401RenewsTheTokenWithTheAppCredentialsAndSendsAgain(Sending sending) {
        AtomicInteger attempts = new AtomicInteger();
        network.on("POST", "/rest/posts", r -> attempts.incrementAndGet() == 1
                ? Answer.json(401, "{\"status\": 401, \"serviceErrorCode\": 65601, \"code\": \"REVOKED_ACCESS_TOKEN\","
                + " \"message\": \"The token used in the request has been revoked by the user\"}")
                : created());
        network.on("POST", "/oauth/v2/accessToken", Answer.json(200, "{\"access_token\": \"tok-2\", \"expires_in\": 5184000,"
                + " \"refresh_token\": \"ref-2\", \"refresh_token_expires_in\": 31536000, \"scope\": \"w_organization_social\"}"));
        ChannelAccess channel = channel();

        assertInstanceOf(PublishResult.Published.class, sending.publish(connector, channel, text("Hello")));

        FakeNetwork.Received refresh = network.received("POST", "/oauth/v2/accessToken").get(0);
        Map<String, String> form = new HashMap<>();
        for (String pair : refresh.text().split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        assertEquals(Map.of("grant_type", "refresh_token", "refresh_token", "ref-1", "client_id", "client-1",
                "client_secret", "secret-1"), form);
        assertEquals(null, refresh.header("Authorization"));
        assertVersionedRequest(network.received("POST", "/rest/posts").get(1), "tok-2");
        assertEquals("ref-2", channel.renewed().get("refresh_token"));
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void a401WithoutRenewalAsksForReconnection(Sending sending) {
        network.on("POST", "/rest/posts", Answer.json(401, "{\"status\": 401, \"message\": \"Invalid access token\"}"));

        PublishResult result = sending.publish(connector, channel(ORG, Map.of("refresh_token", "")), text("Hello"));

        String reason = assertInstanceOf(PublishResult.Rejected.class, result).reason();
        assertTrue(reason.contains("Reconnect") && reason.contains("Invalid access token"), reason);
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void aRateLimitIsRetriedAfterTheAskedDelay(Sending sending) {
        network.on("POST", "/rest/posts", Answer.json(429, "{\"status\": 429, \"message\": \"Resource level throttle\"}")
                .withHeader("Retry-After", "30"));

        assertEquals(Duration.ofSeconds(30), assertInstanceOf(PublishResult.RetryLater.class,
                sending.publish(connector, channel(), text("Hello"))).retryAfter());
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void aServerErrorIsRetried(Sending sending) {
        network.on("POST", "/rest/posts", Answer.json(500, "{\"status\": 500, \"message\": \"Internal Server Error\"}"));

        assertInstanceOf(PublishResult.RetryLater.class, sending.publish(connector, channel(), text("Hello")));
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void aRefusalIsRejectedInLinkedInsWords(Sending sending) {
        network.on("POST", "/rest/posts", Answer.json(422, "{\"status\": 422, \"message\": \"ERROR :: /commentary :: "
                + "Content is a duplicate of urn:li:share:1\"}"));

        PublishResult result = sending.publish(connector, channel(), text("Hello"));
        String reason = assertInstanceOf(PublishResult.Rejected.class, result).reason();
        assertTrue(reason.contains("duplicate of urn:li:share:1"), reason);
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void aSuccessWithoutThePostUrnIsUnconfirmed(Sending sending) {
        network.on("POST", "/rest/posts", Answer.json(201, "{}"));

        assertInstanceOf(PublishResult.Unconfirmed.class, sending.publish(connector, channel(), text("Hello")));
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void noAnswerAfterTheRequestWasReceivedIsUnconfirmed(Sending sending) {
        network.on("POST", "/rest/posts", created().delayed(1_500));

        assertInstanceOf(PublishResult.Unconfirmed.class, sending.publish(connector, channel(), text("Hello")));
    }

    @Test
    void lookupFindsThePostByItsCommentary() {
        network.on("GET", "/rest/posts", Answer.json(200, """
                {"paging": {"start": 0, "count": 20, "links": []},
                 "elements": [{"id": "urn:li:share:1", "author": "urn:li:organization:5515715", "commentary": "Other news"},
                              {"id": "urn:li:share:2", "author": "urn:li:organization:5515715",
                               "commentary": "Big news \\\\(finally\\\\) for {hashtag|\\\\#|Herald\\\\_App} users"}]}"""));

        LookupResult result = connector.lookup(channel(), text("Big news (finally) for #Herald_App users"));

        assertEquals(new LookupResult.Found(new PublishResult.Published("urn:li:share:2",
                "https://www.linkedin.com/feed/update/urn:li:share:2/")), result);
        FakeNetwork.Received sent = network.received("GET", "/rest/posts").get(0);
        assertEquals("author=urn%3Ali%3Aorganization%3A5515715&q=author&count=20", sent.query());
        assertEquals("FINDER", sent.header("X-RestLi-Method"));
        assertVersionedRequest(sent, "tok-1");
    }

    @Test
    void lookupReportsAbsentWhenNoRecentPostMatches() {
        network.on("GET", "/rest/posts", Answer.json(200, "{\"paging\": {}, \"elements\": []}"));

        assertInstanceOf(LookupResult.Absent.class, connector.lookup(channel(), text("Hello")));
    }

    @Test
    void lookupIsUnknownWhenLinkedInCannotAnswer() {
        network.on("GET", "/rest/posts", Answer.json(504, "{\"message\": \"Gateway timeout\"}"));

        assertInstanceOf(LookupResult.Unknown.class, connector.lookup(channel(), text("Hello")));
    }

    @Test
    void metricsCombineSocialActionsAndOrganizationShareStatistics() {
        network.on("GET", "/rest/socialActions/" + SHARE, Answer.json(200, """
                {"target": "urn:li:share:6844785523593134080",
                 "likesSummary": {"totalLikes": 15, "likedByCurrentUser": false, "aggregatedTotalLikes": 15},
                 "commentsSummary": {"totalFirstLevelComments": 3, "aggregatedTotalComments": 4}}"""));
        network.on("GET", "/rest/organizationalEntityShareStatistics", Answer.json(200, """
                {"paging": {"start": 0, "count": 10, "links": []},
                 "elements": [{"totalShareStatistics": {"uniqueImpressionsCount": 800, "shareCount": 6, "engagement": 0.05,
                                                        "clickCount": 40, "likeCount": 15, "impressionCount": 1000,
                                                        "commentCount": 4},
                               "share": "urn:li:share:6844785523593134080",
                               "organizationalEntity": "urn:li:organization:5515715"}]}"""));

        MetricReading reading = connector.fetchMetrics(channel(), SHARE);

        assertEquals(OptionalLong.of(15), reading.value(Metric.LIKES));
        assertEquals(OptionalLong.of(4), reading.value(Metric.REPLIES));
        assertEquals(OptionalLong.of(1000), reading.value(Metric.IMPRESSIONS));
        assertEquals(OptionalLong.of(800), reading.value(Metric.REACH));
        assertEquals(OptionalLong.of(40), reading.value(Metric.LINK_CLICKS));
        assertEquals(OptionalLong.of(6), reading.value(Metric.SHARES));
        assertEquals(OptionalLong.empty(), reading.value(Metric.SAVES));
        FakeNetwork.Received stats = network.received("GET", "/rest/organizationalEntityShareStatistics").get(0);
        assertEquals("q=organizationalEntity&organizationalEntity=urn%3Ali%3Aorganization%3A5515715"
                + "&shares=List(urn%3Ali%3Ashare%3A6844785523593134080)", stats.query());
        assertVersionedRequest(stats, "tok-1");
    }

    @Test
    void aMembersPostHasNoShareStatisticsAndARefusedPartIsAbsent() {
        network.on("GET", "/rest/socialActions/urn:li:ugcPost:77", Answer.json(403,
                "{\"status\": 403, \"message\": \"Not enough permissions to access: socialActions\"}"));

        MetricReading reading = connector.fetchMetrics(channel("urn:li:person:8675309", Map.of()), "urn:li:ugcPost:77");

        assertEquals(Map.of(), reading.values());
        assertTrue(network.received("GET", "/rest/organizationalEntityShareStatistics").isEmpty());
    }

    @Test
    void validationNamesWhatHeraldCannotPublishToLinkedIn() {
        Path file = dir.resolve("x.png");
        OutgoingMedia image = new OutgoingMedia("x.png", "image/png", 1, file, null);

        assertEquals(List.of("Herald publishes one image per LinkedIn post; this one has 2."),
                connector.validate(new Outgoing(1, "k", "t", null, List.of(image, image))));
        assertEquals(List.of(), connector.validate(new Outgoing(1, "k", "t", null, List.of(image))));
    }

    @Test
    void anOrganizationsFollowersAreItsNetworkSize() {
        network.on("GET", "/rest/networkSizes/" + ORG, Answer.json(200, "{\"firstDegreeSize\": 3407}"));

        MetricReading reading = connector.fetchChannelMetrics(channel());

        assertEquals(Map.of(Metric.FOLLOWERS, 3407L), reading.values());
        FakeNetwork.Received sent = network.received("GET", "/rest/networkSizes/" + ORG).get(0);
        assertEquals("edgeType=COMPANY_FOLLOWED_BY_MEMBER", sent.query());
        assertVersionedRequest(sent, "tok-1");
    }

    @Test
    void aMembersFollowersAreNotAvailableRatherThanZero() {
        MetricReading reading = connector.fetchChannelMetrics(channel("urn:li:person:8675309", Map.of()));

        assertEquals(OptionalLong.empty(), reading.value(Metric.FOLLOWERS));
        assertTrue(network.received().isEmpty());
    }

    @Test
    void aNetworkSizeRefusedToThisAppIsAbsent() {
        network.on("GET", "/rest/networkSizes/" + ORG, Answer.json(403,
                "{\"status\": 403, \"serviceErrorCode\": 100, \"code\": \"ACCESS_DENIED\","
                        + " \"message\": \"Not enough permissions to access: networkSizes.GET.20251001\"}"));

        assertEquals(Map.of(), connector.fetchChannelMetrics(channel()).values());
    }

    @Test
    void aServerErrorMeansTheFollowersCannotBeRead() {
        network.on("GET", "/rest/networkSizes/" + ORG, Answer.json(500,
                "{\"status\": 500, \"message\": \"Internal Server Error\"}"));

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> connector.fetchChannelMetrics(channel()));

        assertTrue(failure.getMessage().contains("Internal Server Error"), failure.getMessage());
    }

    @Test
    void connectingNamesTheOrganizationOrTheMemberAsLinkedInDoes() {
        network.on("GET", "/rest/organizations/" + ORG.substring("urn:li:organization:".length()), r ->
                "Bearer tok-1".equals(r.header("Authorization"))
                        ? Answer.json(200, "{\"id\":2414183,\"localizedName\":\"Acme Coffee GmbH\"}")
                        : Answer.json(401, "{\"status\":401,\"code\":\"REVOKED_ACCESS_TOKEN\","
                                + "\"message\":\"The token used in the request has been revoked by the user\"}"));
        network.on("GET", "/v2/userinfo", Answer.json(200, "{\"sub\":\"782bbtaQ\",\"name\":\"Nora Northwind\"}"));
        assertEquals(new AccountCheck.Confirmed("Acme Coffee GmbH"), connector.whoAmI(channel()));
        assertEquals(new AccountCheck.Confirmed("Nora Northwind"), connector.whoAmI(channel("urn:li:person:782bbtaQ", Map.of())));
        AccountCheck refused = connector.whoAmI(channel(ORG, Map.of("access_token", "revoked", "refresh_token", "")));
        assertTrue(refused instanceof AccountCheck.Refused r && r.reason().contains("has been revoked by the user"), refused.toString());
    }

    private static final String COMMENT = "urn:li:comment:(urn:li:activity:6844785523593134085,501)";
    private static final String ANSWER = "urn:li:comment:(urn:li:activity:6844785523593134085,777)";

    private static Outgoing answer(String text) {
        return Outgoing.reply(7, "reply-7-key", text, new ReplyTarget(COMMENT,
                Map.of("post", SHARE, "comment", COMMENT)));
    }

    @Test
    void anAnswerIsACommentOfThePageNestedUnderTheCommentItAnswers() {
        network.on("POST", "/rest/socialActions/" + SHARE + "/comments", Answer.json(201, """
                {"actor": "urn:li:organization:5515715", "commentUrn": "%s", "id": "777",
                 "created": {"actor": "urn:li:organization:5515715", "time": 1760000000000},
                 "message": {"text": "Thanks (really)!"}, "object": "%s", "parentComment": "%s"}"""
                .formatted(ANSWER, SHARE, COMMENT)).withHeader("x-restli-id", "777"));

        PublishResult result = connector.publish(channel(), answer("Thanks (really)!"));

        assertEquals(new PublishResult.Published(ANSWER, "https://www.linkedin.com/feed/update/" + SHARE
                + "/?commentUrn=urn%3Ali%3Acomment%3A%28urn%3Ali%3Aactivity%3A6844785523593134085%2C777%29"), result);
        FakeNetwork.Received sent = network.received("POST", "/rest/socialActions/" + SHARE + "/comments").get(0);
        assertVersionedRequest(sent, "tok-1");
        assertEquals(json("{\"actor\": \"" + ORG + "\", \"object\": \"" + SHARE + "\", \"message\": {\"text\": "
                + "\"Thanks (really)!\"}, \"parentComment\": \"" + COMMENT + "\"}"), json(sent.text()));
        assertTrue(network.received("POST", "/rest/posts").isEmpty());
    }

    @Test
    void anAnswerGoesWithoutTheCallerWaitingForLinkedInsAnswer() throws Exception {
        Runnable answer = network.holding("POST", "/rest/socialActions/" + SHARE + "/comments",
                new Answer(201, "", Map.of("x-restli-id", "777"), 0));

        CompletableFuture<PublishResult> later = connector.publishLater(channel(), answer("Thanks!"));

        assertFalse(later.isDone(), "the caller got its thread back before LinkedIn answered");
        answer.run();
        assertEquals(ANSWER, assertInstanceOf(PublishResult.Published.class, later.get(5, TimeUnit.SECONDS))
                .networkPostId());
    }

    @Test
    void anAnswerNamedOnlyInTheHeaderGetsItsUrnFromTheCommentItAnswers() {
        network.on("POST", "/rest/socialActions/" + SHARE + "/comments", new Answer(201, "", Map.of("x-restli-id",
                "777"), 0));

        PublishResult result = connector.publish(channel(), answer("Thanks!"));

        assertEquals(ANSWER, assertInstanceOf(PublishResult.Published.class, result).networkPostId());
    }

    @Test
    void anAnswerTheNetworkRefusesIsRejectedInItsWords() {
        network.on("POST", "/rest/socialActions/" + SHARE + "/comments", Answer.json(403, "{\"status\": 403,"
                + " \"message\": \"Not enough permissions to access: socialActions.comments.CREATE\"}"));

        String reason = assertInstanceOf(PublishResult.Rejected.class, connector.publish(channel(), answer("Hi")))
                .reason();

        assertTrue(reason.contains("Not enough permissions"), reason);
    }

    @Test
    void lookupFindsAnAnswerAmongTheCommentsUnderTheAnsweredComment() {
        network.on("GET", "/rest/socialActions/" + COMMENT + "/comments", Answer.json(200, """
                {"paging": {"start": 0, "count": 50, "total": 2},
                 "elements": [{"actor": "urn:li:person:ana", "commentUrn": "urn:li:comment:(urn:li:activity:1,776)",
                               "message": {"text": "Thanks (really)!"}, "parentComment": "%s"},
                              {"actor": "%s", "commentUrn": "%s", "message": {"text": "Thanks  (really)!"},
                               "parentComment": "%s"}]}""".formatted(COMMENT, ORG, ANSWER, COMMENT)));

        LookupResult result = connector.lookup(channel(), answer("Thanks (really)!"));

        assertEquals(ANSWER, assertInstanceOf(LookupResult.Found.class, result).post().networkPostId());
        assertEquals("start=0&count=50", network.received("GET", "/rest/socialActions/" + COMMENT + "/comments").get(0)
                .query());
        assertInstanceOf(LookupResult.Absent.class, connector.lookup(channel(), answer("Something else")));
    }

    @Test
    void answersAreWordsOnly() {
        OutgoingMedia image = new OutgoingMedia("x.png", "image/png", 1, dir.resolve("x.png"), null);
        Outgoing withImage = new Outgoing(7, "k", "Hi", null, List.of(image), new ReplyTarget(COMMENT,
                Map.of("post", SHARE, "comment", COMMENT)));

        assertEquals(List.of("Herald answers LinkedIn comments in words only; remove the media."),
                connector.validate(withImage));
        assertEquals(List.of(), connector.validate(answer("Hi")));
    }
}
