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

/** The Instagram Graph API's content publishing (developers.facebook.com/docs/instagram-platform), faked on loopback. */
class InstagramConnectorTest {

    private static final String IG = "17841405822304914";
    private static final String CONTAINER = "17889455560051444";
    private static final String MEDIA = "17920238422030506";
    private static final String PERMALINK = "https://www.instagram.com/p/C4bZ7xLyQ1k/";

    private final FakeNetwork network = new FakeNetwork();
    private final InstagramConnector connector = new InstagramConnector(Duration.ofMillis(800), Duration.ofMillis(1));

    @AfterEach
    void tearDown() {
        network.close();
    }

    private ChannelAccess channel() {
        return new ChannelAccess(13, network.baseUrl() + "/v21.0", IG, Map.of("access_token", "ig-token"));
    }

    private static OutgoingMedia photo(String name) {
        return new OutgoingMedia(name, "image/jpeg", 1_000, Path.of(name), "Alt for " + name,
                "https://media.herald.example/" + name);
    }

    private static Outgoing post(String caption, OutgoingMedia... media) {
        return new Outgoing(42, "pub-42-key", caption, null, List.of(media));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return fields;
    }

    private void quota(int used) {
        network.on("GET", "/v21.0/" + IG + "/content_publishing_limit", Answer.json(200,
                "{\"data\": [{\"quota_usage\": " + used + ", \"config\": {\"quota_total\": 50, \"quota_duration\": 86400}}]}"));
    }

    /** Everything answers as documented; the container is ready on the second check. */
    private void happyPath() {
        quota(2);
        network.on("POST", "/v21.0/" + IG + "/media", Answer.json(200, "{\"id\": \"" + CONTAINER + "\"}"));
        AtomicInteger checks = new AtomicInteger();
        network.on("GET", "/v21.0/" + CONTAINER, r -> Answer.json(200, "{\"status_code\": \""
                + (checks.incrementAndGet() < 2 ? "IN_PROGRESS" : "FINISHED") + "\", \"id\": \"" + CONTAINER + "\"}"));
        network.on("POST", "/v21.0/" + IG + "/media_publish", Answer.json(200, "{\"id\": \"" + MEDIA + "\"}"));
        network.on("GET", "/v21.0/" + MEDIA, Answer.json(200, "{\"permalink\": \"" + PERMALINK + "\", \"id\": \"" + MEDIA + "\"}"));
    }

    @Test
    void publishesOneImageThroughAContainerOnceItIsReady() {
        happyPath();

        PublishResult result = connector.publish(channel(), post("Spring is here #flowers", photo("tulips.jpg")));

        assertEquals(new PublishResult.Published(MEDIA, PERMALINK), result);
        FakeNetwork.Received container = network.received("POST", "/v21.0/" + IG + "/media").get(0);
        assertEquals("Bearer ig-token", container.header("Authorization"));
        assertEquals(Map.of("image_url", "https://media.herald.example/tulips.jpg", "alt_text", "Alt for tulips.jpg",
                "caption", "Spring is here #flowers"), form(container.text()));
        assertEquals("fields=status_code,status", network.received("GET", "/v21.0/" + CONTAINER).get(0).query());
        assertEquals(2, network.received("GET", "/v21.0/" + CONTAINER).size());
        FakeNetwork.Received publish = network.received("POST", "/v21.0/" + IG + "/media_publish").get(0);
        assertEquals(Map.of("creation_id", CONTAINER), form(publish.text()));
        assertEquals("Bearer ig-token", publish.header("Authorization"));
        assertEquals("fields=quota_usage,config",
                network.received("GET", "/v21.0/" + IG + "/content_publishing_limit").get(0).query());
    }

    @Test
    void thePostGoesThroughItsStepsWithoutTheCallerWaitingEvenWhileInstagramPreparesTheImage() throws Exception {
        happyPath();
        InstagramConnector pausing = new InstagramConnector(Duration.ofMillis(800), Duration.ofMillis(300));

        CompletableFuture<PublishResult> later = pausing.publishLater(channel(), post("Spring", photo("tulips.jpg")));

        assertFalse(later.isDone(), "the caller got its thread back while Instagram prepared the image");
        assertEquals(new PublishResult.Published(MEDIA, PERMALINK), later.get(5, TimeUnit.SECONDS));
        assertEquals(2, network.received("GET", "/v21.0/" + CONTAINER).size());
    }

    @Test
    void severalImagesBecomeACarouselOfChildContainers() {
        happyPath();
        AtomicInteger created = new AtomicInteger();
        network.on("POST", "/v21.0/" + IG + "/media", r -> Answer.json(200,
                "{\"id\": \"" + (created.incrementAndGet() <= 2 ? "child" + created.get() : CONTAINER) + "\"}"));

        assertInstanceOf(PublishResult.Published.class,
                connector.publish(channel(), post("Two views", photo("a.jpg"), photo("b.jpg"))));

        List<FakeNetwork.Received> containers = network.received("POST", "/v21.0/" + IG + "/media");
        assertEquals(Map.of("image_url", "https://media.herald.example/a.jpg", "alt_text", "Alt for a.jpg",
                "is_carousel_item", "true"), form(containers.get(0).text()));
        assertEquals("https://media.herald.example/b.jpg", form(containers.get(1).text()).get("image_url"));
        assertEquals(Map.of("media_type", "CAROUSEL", "children", "child1,child2", "caption", "Two views"),
                form(containers.get(2).text()));
    }

    @Test
    void aSpentDailyQuotaIsRetriedInAnHourWithoutMakingContainers() {
        happyPath();
        quota(50);

        PublishResult.RetryLater later = assertInstanceOf(PublishResult.RetryLater.class,
                connector.publish(channel(), post("Hi", photo("a.jpg"))));

        assertEquals(Duration.ofHours(1), later.retryAfter());
        assertTrue(later.reason().contains("50 posts per 24 hours"), later.reason());
        assertTrue(network.received("POST", "/v21.0/" + IG + "/media").isEmpty());
    }

    @Test
    void aContainerInstagramCouldNotPrepareIsRejected() {
        happyPath();
        network.on("GET", "/v21.0/" + CONTAINER, Answer.json(200, "{\"status_code\": \"ERROR\", \"status\": "
                + "\"Error: Media download has failed.\", \"id\": \"" + CONTAINER + "\"}"));

        String reason = assertInstanceOf(PublishResult.Rejected.class,
                connector.publish(channel(), post("Hi", photo("a.jpg")))).reason();

        assertTrue(reason.contains("Media download has failed"), reason);
        assertTrue(network.received("POST", "/v21.0/" + IG + "/media_publish").isEmpty());
    }

    @Test
    void anExpiredTokenAsksForReconnection() {
        network.on("GET", "/v21.0/" + IG + "/content_publishing_limit", Answer.json(400, "{\"error\": {\"message\": "
                + "\"Error validating access token: The session has been invalidated.\", \"type\": \"OAuthException\","
                + " \"code\": 190, \"error_subcode\": 460}}"));

        String reason = assertInstanceOf(PublishResult.Rejected.class,
                connector.publish(channel(), post("Hi", photo("a.jpg")))).reason();
        assertTrue(reason.contains("Reconnect"), reason);
    }

    @Test
    void aRateLimitIsRetriedAfterTheAskedDelay() {
        happyPath();
        network.on("POST", "/v21.0/" + IG + "/media_publish", Answer.json(429, "{\"error\": {\"message\": "
                + "\"Application request limit reached\", \"code\": 4}}").withHeader("Retry-After", "30"));

        assertEquals(Duration.ofSeconds(30), assertInstanceOf(PublishResult.RetryLater.class,
                connector.publish(channel(), post("Hi", photo("a.jpg")))).retryAfter());
    }

    @Test
    void aServerErrorIsRetried() {
        happyPath();
        network.on("POST", "/v21.0/" + IG + "/media_publish", Answer.json(500, "{\"error\": {\"message\": \"Fatal\", \"code\": 1}}"));

        assertInstanceOf(PublishResult.RetryLater.class, connector.publish(channel(), post("Hi", photo("a.jpg"))));
    }

    @Test
    void anUnreadablePublishAnswerIsUnconfirmed() {
        happyPath();
        network.on("POST", "/v21.0/" + IG + "/media_publish", Answer.json(200, "{\"ok\""));

        assertInstanceOf(PublishResult.Unconfirmed.class, connector.publish(channel(), post("Hi", photo("a.jpg"))));
    }

    @Test
    void noAnswerToThePublishIsUnconfirmed() {
        happyPath();
        network.on("POST", "/v21.0/" + IG + "/media_publish", Answer.json(200, "{\"id\": \"" + MEDIA + "\"}").delayed(1_500));

        assertInstanceOf(PublishResult.Unconfirmed.class, connector.publish(channel(), post("Hi", photo("a.jpg"))));
    }

    @Test
    void noAnswerWhileMakingTheContainerIsRetriedBecauseNoPostExistsYet() {
        happyPath();
        network.on("POST", "/v21.0/" + IG + "/media", Answer.json(200, "{\"id\": \"" + CONTAINER + "\"}").delayed(1_500));

        assertInstanceOf(PublishResult.RetryLater.class, connector.publish(channel(), post("Hi", photo("a.jpg"))));
        assertTrue(network.received("POST", "/v21.0/" + IG + "/media_publish").isEmpty());
    }

    @Test
    void anImageWithoutPublicAddressIsRejectedBeforeAnyRequest() {
        PublishResult result = connector.publish(channel(), post("Hi",
                new OutgoingMedia("a.jpg", "image/jpeg", 1, Path.of("a.jpg"), null)));

        assertTrue(assertInstanceOf(PublishResult.Rejected.class, result).reason().contains("public address"));
        assertTrue(network.received().isEmpty());
    }

    @Test
    void lookupFindsTheMediaByCaption() {
        network.on("GET", "/v21.0/" + IG + "/media", Answer.json(200, """
                {"data": [{"id": "1", "caption": "Another", "permalink": "https://www.instagram.com/p/A/"},
                          {"id": "17920238422030506", "caption": "Spring is here #flowers", "permalink": "https://www.instagram.com/p/C4bZ7xLyQ1k/"}],
                 "paging": {"cursors": {"before": "x", "after": "y"}}}"""));

        LookupResult result = connector.lookup(channel(), post("Spring is here #flowers", photo("a.jpg")));

        assertEquals(new LookupResult.Found(new PublishResult.Published(MEDIA, PERMALINK)), result);
        FakeNetwork.Received sent = network.received("GET", "/v21.0/" + IG + "/media").get(0);
        assertEquals("fields=id,caption,permalink&limit=25", sent.query());
        assertEquals("Bearer ig-token", sent.header("Authorization"));
    }

    @Test
    void lookupReportsAbsentWhenNoRecentMediaMatches() {
        network.on("GET", "/v21.0/" + IG + "/media", Answer.json(200, "{\"data\": []}"));

        assertInstanceOf(LookupResult.Absent.class, connector.lookup(channel(), post("Hi", photo("a.jpg"))));
    }

    @Test
    void metricsAreReadFromMediaInsightsAndClicksAreAbsent() {
        network.on("GET", "/v21.0/" + MEDIA + "/insights", Answer.json(200, """
                {"data": [{"name": "reach", "period": "lifetime", "values": [{"value": 540}], "title": "Accounts reached", "id": "r"},
                          {"name": "likes", "period": "lifetime", "values": [{"value": 60}]},
                          {"name": "comments", "period": "lifetime", "values": [{"value": 5}]},
                          {"name": "shares", "period": "lifetime", "values": [{"value": 2}]},
                          {"name": "saved", "period": "lifetime", "values": [{"value": 9}]},
                          {"name": "views", "period": "lifetime", "values": [{"value": 1300}]}]}"""));

        MetricReading reading = connector.fetchMetrics(channel(), MEDIA);

        assertEquals(Map.of(Metric.REACH, 540L, Metric.LIKES, 60L, Metric.REPLIES, 5L, Metric.SHARES, 2L,
                Metric.SAVES, 9L, Metric.IMPRESSIONS, 1300L), reading.values());
        assertEquals(OptionalLong.empty(), reading.value(Metric.LINK_CLICKS));
        assertEquals("metric=reach,likes,comments,shares,saved,views",
                network.received("GET", "/v21.0/" + MEDIA + "/insights").get(0).query());
    }

    @Test
    void validationNamesWhatInstagramWouldRefuse() {
        assertEquals(List.of("Instagram needs at least one image."), connector.validate(post("Words only")));
        assertEquals(List.of("Instagram accepts only JPEG images; a.png is image/png."), connector.validate(post("x",
                new OutgoingMedia("a.png", "image/png", 1, Path.of("a.png"), null, "https://m.example/a.png"))));
        OutgoingMedia[] eleven = new OutgoingMedia[11];
        java.util.Arrays.fill(eleven, photo("a.jpg"));
        assertEquals(List.of("Instagram takes at most 10 images per post; this one has 11."),
                connector.validate(post("x", eleven)));
        assertEquals(List.of(), connector.validate(post("x", photo("a.jpg"))));
    }

    @Test
    void followersAreReadFromTheProfessionalAccount() {
        network.on("GET", "/v21.0/" + IG, Answer.json(200, "{\"followers_count\": 15230, \"id\": \"" + IG + "\"}"));

        MetricReading reading = connector.fetchChannelMetrics(channel());

        assertEquals(Map.of(Metric.FOLLOWERS, 15230L), reading.values());
        FakeNetwork.Received sent = network.received("GET", "/v21.0/" + IG).get(0);
        assertEquals("fields=followers_count", sent.query());
        assertEquals("Bearer ig-token", sent.header("Authorization"));
    }

    @Test
    void aGraphErrorMeansTheFollowersCannotBeRead() {
        network.on("GET", "/v21.0/" + IG, Answer.json(500, """
                {"error": {"message": "An unknown error has occurred.", "type": "OAuthException", "code": 1,
                           "fbtrace_id": "AbCdEf"}}"""));

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> connector.fetchChannelMetrics(channel()));

        assertTrue(failure.getMessage().contains("An unknown error has occurred."), failure.getMessage());
    }

    @Test
    void connectingAsksTheGraphApiForTheUsername() {
        network.on("GET", "/v21.0/" + IG, r -> "Bearer ig-token".equals(r.header("Authorization"))
                ? Answer.json(200, "{\"username\":\"acmecoffee\",\"id\":\"" + IG + "\"}")
                : Answer.json(400, "{\"error\":{\"message\":\"Invalid OAuth access token.\",\"type\":\"OAuthException\",\"code\":190}}"));
        assertEquals(new AccountCheck.Confirmed("@acmecoffee"), connector.whoAmI(channel()));
        AccountCheck refused = connector.whoAmI(new ChannelAccess(13, network.baseUrl() + "/v21.0", IG, Map.of("access_token", "abc")));
        assertTrue(refused instanceof AccountCheck.Refused r && r.reason().contains("Invalid OAuth access token."), refused.toString());
    }

    private static Outgoing answer(String text, ReplyTarget target) {
        return Outgoing.reply(77, "reply-77-key", text, target);
    }

    @Test
    void aReplyIsAnsweredUnderItsTopLevelComment() {
        network.on("POST", "/v21.0/17870913679156914/replies", Answer.json(200, "{\"id\": \"17873440459141099\"}"));

        PublishResult result = connector.publish(channel(), answer("Thanks, see you soon!",
                new ReplyTarget("17873440459141023", Map.of("thread", "17870913679156914", "url", PERMALINK))));

        assertEquals(new PublishResult.Published("17873440459141099", PERMALINK), result);
        FakeNetwork.Received sent = network.received("POST", "/v21.0/17870913679156914/replies").get(0);
        assertEquals("Bearer ig-token", sent.header("Authorization"));
        assertEquals(Map.of("message", "Thanks, see you soon!"), form(sent.text()));
        assertTrue(network.received("POST", "/v21.0/" + IG + "/media").isEmpty(), "an answer makes no container");
    }

    @Test
    void aCaptionMentionIsAnsweredThroughTheMentionsEdge() {
        network.on("POST", "/v21.0/" + IG + "/mentions", Answer.json(200, "{\"id\": \"17873440459141100\"}"));

        assertInstanceOf(PublishResult.Published.class, connector.publish(channel(), answer("Glad you liked it!",
                new ReplyTarget("18012", Map.of("kind", "mention")))));

        assertEquals(Map.of("media_id", "18012", "message", "Glad you liked it!"),
                form(network.received("POST", "/v21.0/" + IG + "/mentions").get(0).text()));
    }

    @Test
    void aHiddenCommentThatCannotBeAnsweredIsRefusedInInstagramsWords() {
        network.on("POST", "/v21.0/c1/replies", Answer.json(400, "{\"error\": {\"message\": "
                + "\"(#100) Cannot reply to a hidden comment\", \"type\": \"OAuthException\", \"code\": 100}}"));

        String reason = assertInstanceOf(PublishResult.Rejected.class,
                connector.publish(channel(), answer("Hi", ReplyTarget.of("c1")))).reason();

        assertTrue(reason.contains("Cannot reply to a hidden comment"), reason);
    }

    @Test
    void lookupFindsAnAnswerTheAccountAlreadyWroteUnderTheComment() {
        network.on("GET", "/v21.0/" + IG, Answer.json(200, "{\"username\": \"acmecoffee\", \"id\": \"" + IG + "\"}"));
        network.on("GET", "/v21.0/17870913679156914/replies", Answer.json(200, """
                {"data": [{"id": "1", "text": "Thanks, see you soon!", "username": "someone.else",
                           "timestamp": "2025-03-05T09:00:00+0000"},
                          {"id": "17873440459141099", "text": "Thanks,  see you soon!", "username": "acmecoffee",
                           "timestamp": "2025-03-05T09:01:00+0000"}]}"""));
        ReplyTarget target = new ReplyTarget("17873440459141023", Map.of("thread", "17870913679156914",
                "url", PERMALINK));

        assertEquals(new LookupResult.Found(new PublishResult.Published("17873440459141099", PERMALINK)),
                connector.lookup(channel(), answer("Thanks, see you soon!", target)));
        assertInstanceOf(LookupResult.Absent.class, connector.lookup(channel(), answer("Something else", target)));
        assertEquals("fields=id%2Ctext%2Cusername%2Cfrom%7Bid%2Cusername%7D%2Ctimestamp",
                network.received("GET", "/v21.0/17870913679156914/replies").get(0).query());
    }

    @Test
    void anAnswerToAMentionCannotBeLookedUp() {
        assertInstanceOf(LookupResult.Unknown.class, connector.lookup(channel(), answer("Hi",
                new ReplyTarget("18012", Map.of("kind", "mention")))));
        assertTrue(network.received().isEmpty());
    }

    @Test
    void anAnswerNeedsNoImageButTakesNone() {
        assertEquals(List.of(), connector.validate(answer("Thanks", ReplyTarget.of("c1"))));
        assertEquals(List.of("Instagram takes answers to comments in words only: remove the images from the answer."),
                connector.validate(new Outgoing(1, "k", "t", null, List.of(photo("a.jpg")), ReplyTarget.of("c1"))));
    }
}
