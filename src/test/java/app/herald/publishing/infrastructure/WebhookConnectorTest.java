package app.herald.publishing.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.publishing.domain.AccountCheck;
import app.herald.publishing.domain.ChannelAccess;
import app.herald.publishing.domain.Outgoing;
import app.herald.publishing.domain.OutgoingMedia;
import app.herald.publishing.domain.PublishResult;
import app.herald.testsupport.FakeNetwork;
import app.herald.testsupport.FakeNetwork.Answer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookConnectorTest {

    private static final String SECRET = "whsec-test-secret";

    private FakeNetwork receiver;
    private WebhookConnector connector;
    private ChannelAccess channel;
    private final Outgoing post = new Outgoing(12, "idem-12", "Winter launch 🎉 https://acme.example/w", "First!",
            List.of(new OutgoingMedia("cup.png", "image/png", 2048, Path.of("/nonexistent/cup.png"), "A cup")));

    @BeforeEach
    void start() {
        receiver = new FakeNetwork();
        connector = new WebhookConnector(Duration.ofMillis(400));
        channel = new ChannelAccess(3, receiver.baseUrl() + "/hooks/herald", "acme-intranet",
                Map.of(WebhookConnector.SIGNING_SECRET, SECRET));
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void aPlainHttpReceiverThatClosesOnAnUpgradeAttemptStillGetsThePostOnce() {
        // Node servers with WebSocket support (n8n, Express, Bluesky's PDS) drop a connection that asks for h2c.
        receiver.refusingUpgrades().on("POST", "/hooks/herald", Answer.json(200, "{\"id\":\"cms-78\"}"));
        PublishResult result = connector.publish(channel, post);
        assertEquals("cms-78", ((PublishResult.Published) result).networkPostId(), "published: " + result);
        assertEquals(1, receiver.received("POST", "/hooks/herald").size(), "once");
        assertTrue(receiver.received().stream().noneMatch(r -> r.headers().containsKey("Upgrade")),
                "plain http is spoken as HTTP/1.1 without an upgrade attempt");
    }

    @Test
    void anAddressInsideTheNetworkIsNeverCalledAndTheAnswerSaysNothingAboutIt() throws Exception {
        try (FakeNetwork inside = new FakeNetwork(java.net.InetAddress.getByName("127.0.0.2"))) {
            inside.on("POST", "/hooks/herald", Answer.json(200, "{\"id\":\"leak\"}"));
            ChannelAccess internal = new ChannelAccess(3, inside.baseUrl() + "/hooks/herald", "acme-intranet",
                    Map.of(WebhookConnector.SIGNING_SECRET, SECRET));
            PublishResult result = connector.publish(internal, post);
            assertTrue(result instanceof PublishResult.Rejected rejected
                    && rejected.reason().startsWith("Herald cannot reach that address."), "refused: " + result);
            assertEquals(0, inside.received().size(), "the listener received nothing");
        }
    }

    @Test
    void postsSignedJsonWithTheIdempotencyKey() {
        receiver.on("POST", "/hooks/herald", Answer.json(200, "{\"id\":\"cms-77\",\"url\":\"https://intranet.example/77\"}"));
        PublishResult result = connector.publish(channel, post);
        assertEquals(new PublishResult.Published("cms-77", "https://intranet.example/77"), result);

        FakeNetwork.Received request = receiver.received("POST", "/hooks/herald").get(0);
        assertEquals("application/json", request.header("Content-Type"));
        assertEquals("idem-12", request.header("Idempotency-Key"));
        String timestamp = request.header("X-Herald-Timestamp");
        long age = Instant.now().getEpochSecond() - Long.parseLong(timestamp);
        assertTrue(age >= 0 && age < 5, "a current timestamp");
        assertEquals("sha256=" + WebhookConnector.sign(SECRET, timestamp + "." + request.text()),
                request.header("X-Herald-Signature"));
        JsonObject body = Json.createReader(new StringReader(request.text())).readObject();
        assertEquals("idem-12", body.getString("idempotencyKey"));
        assertEquals(12, body.getInt("publicationId"));
        assertEquals("acme-intranet", body.getString("channel"));
        assertEquals("Winter launch 🎉 https://acme.example/w", body.getString("text"));
        assertEquals("First!", body.getString("firstComment"));
        assertEquals("cup.png", body.getJsonArray("media").getJsonObject(0).getString("fileName"));
        assertEquals(2048, body.getJsonArray("media").getJsonObject(0).getInt("sizeBytes"));
    }

    @Test
    void theSignatureIsHmacSha256AsDocumented() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookConnector.sign("Jefe", "what do ya want for nothing?"));
    }

    @Test
    void aReceiverWithoutABodyStillCountsAsPublished() {
        receiver.on("POST", "/hooks/herald", new Answer(204, null, Map.of(), 0));
        assertEquals(new PublishResult.Published("idem-12", null), connector.publish(channel, post));
    }

    @Test
    void serverErrorsAndRateLimitsWaitAndRetry() {
        receiver.on("POST", "/hooks/herald", Answer.json(500, "{\"error\":\"database down\"}"));
        PublishResult failed = connector.publish(channel, post);
        assertInstanceOf(PublishResult.RetryLater.class, failed);
        assertTrue(((PublishResult.RetryLater) failed).reason().contains("database down"));

        receiver.on("POST", "/hooks/herald", Answer.json(429, "{}").withHeader("Retry-After", "30"));
        PublishResult limited = connector.publish(channel, post);
        assertEquals(Duration.ofSeconds(30), ((PublishResult.RetryLater) limited).retryAfter());
    }

    @Test
    void aRefusalAndAnExpiredSecretNeedAPerson() {
        receiver.on("POST", "/hooks/herald", Answer.json(422, "{\"error\":\"unknown channel\"}"));
        PublishResult refused = connector.publish(channel, post);
        assertInstanceOf(PublishResult.Rejected.class, refused);
        assertTrue(((PublishResult.Rejected) refused).reason().contains("unknown channel"));

        receiver.on("POST", "/hooks/herald", Answer.json(401, "{\"error\":\"bad signature\"}"));
        PublishResult unauthorized = connector.publish(channel, post);
        assertTrue(((PublishResult.Rejected) unauthorized).reconnect());
    }

    @Test
    void noAnswerAfterTheRequestArrivedIsUnconfirmed() {
        receiver.on("POST", "/hooks/herald", Answer.json(200, "{}").delayed(2_000));
        assertInstanceOf(PublishResult.Unconfirmed.class, connector.publish(channel, post));
        assertEquals(1, receiver.received("POST", "/hooks/herald").size(), "the request did arrive");
    }

    @Test
    void anUnreachableReceiverIsRetriedAsNotSent() {
        String address = receiver.baseUrl();
        receiver.close();
        ChannelAccess gone = new ChannelAccess(3, address + "/hooks/herald", "acme", Map.of(WebhookConnector.SIGNING_SECRET, SECRET));
        PublishResult result = connector.publish(gone, post);
        assertInstanceOf(PublishResult.RetryLater.class, result);
        assertTrue(((PublishResult.RetryLater) result).reason().startsWith("Not sent"));
    }

    @Test
    void aChannelWithoutSecretIsNotConnected() {
        ChannelAccess bare = new ChannelAccess(3, receiver.baseUrl() + "/hooks/herald", "acme", Map.of());
        PublishResult result = connector.publish(bare, post);
        assertInstanceOf(PublishResult.Rejected.class, result);
        assertTrue(receiver.received().isEmpty(), "nothing was sent");
    }

    @Test
    void aReceiverOffersNoNumbersAndIsNotAsked() {
        assertEquals(Map.of(), connector.fetchMetrics(channel, "idem-12").values());
        assertEquals(Map.of(), connector.fetchChannelMetrics(channel).values());
        assertTrue(receiver.received().isEmpty());
    }

    @Test
    void connectingSendsASignedTestDeliveryThatTheReceiverMustAccept() {
        receiver.on("POST", "/hooks/herald", Answer.json(200, "{}"));
        assertEquals(new AccountCheck.Confirmed("127.0.0.1"), connector.whoAmI(channel));
        FakeNetwork.Received test = receiver.received("POST", "/hooks/herald").get(0);
        assertEquals(WebhookConnector.TEST_EVENT, test.header("X-Herald-Event"));
        assertEquals("sha256=" + WebhookConnector.sign(SECRET, test.header("X-Herald-Timestamp") + "." + test.text()),
                test.header("X-Herald-Signature"), "signed like every delivery, so the receiver checks its secret");
        assertFalse(test.text().contains("idempotencyKey"), "no post in it: " + test.text());

        receiver.on("POST", "/hooks/herald", Answer.json(401, "{\"error\":\"bad signature\"}"));
        AccountCheck refused = connector.whoAmI(channel);
        assertTrue(refused instanceof AccountCheck.Refused r && r.reason().contains("bad signature"), refused.toString());
    }
}
