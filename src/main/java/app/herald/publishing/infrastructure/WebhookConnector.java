package app.herald.publishing.infrastructure;

import static app.herald.kernel.JsonSupport.JSON;

import app.herald.content.domain.Network;
import app.herald.publishing.domain.AccountCheck;
import app.herald.publishing.domain.ChannelAccess;
import app.herald.publishing.domain.LookupResult;
import app.herald.publishing.domain.MetricReading;
import app.herald.publishing.domain.NetworkConnector;
import app.herald.publishing.domain.Outgoing;
import app.herald.publishing.domain.OutgoingMedia;
import app.herald.publishing.domain.PublishResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts each publication as JSON to a URL of the client's, signed so the receiver can trust it:
 * {@code X-Herald-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">} with the channel's signing secret, the
 * timestamp in {@code X-Herald-Timestamp} (reject old ones to stop replays). Receivers must keep one post per
 * {@code Idempotency-Key}: that contract is what lets Herald resend an unconfirmed delivery safely. A receiver may
 * answer {@code {"id": ..., "url": ...}} to give the post's address on its side.
 */
@ApplicationScoped
public class WebhookConnector implements NetworkConnector {

    public static final String SIGNING_SECRET = "signing_secret";

    /** The event of a connection's test delivery; receivers answer it 2xx and publish nothing. */
    public static final String TEST_EVENT = "connection-test";

    private final Duration answerTimeout;

    public WebhookConnector() {
        this(NetworkCall.ANSWER_TIMEOUT);
    }

    WebhookConnector(Duration answerTimeout) {
        this.answerTimeout = answerTimeout;
    }

    @Override
    public Network network() {
        return Network.WEBHOOK;
    }

    @Override
    public List<String> validate(Outgoing post) {
        return List.of();
    }

    @Override
    public boolean honoursIdempotencyKey() {
        return true;
    }

    @Override
    public PublishResult publish(ChannelAccess channel, Outgoing post) {
        return publishLater(channel, post).join();
    }

    /** One signed request, sent without a thread waiting for its answer. */
    @Override
    public CompletableFuture<PublishResult> publishLater(ChannelAccess channel, Outgoing post) {
        String secret;
        try {
            secret = channel.required(SIGNING_SECRET);
        } catch (ChannelAccess.MissingCredential e) {
            return CompletableFuture.completedFuture(new PublishResult.Rejected(e.getMessage()));
        }
        String body = payload(channel, post).toString();
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        HttpRequest request = NetworkCall.request(channel.endpoint()).timeout(answerTimeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", post.idempotencyKey())
                .header("X-Herald-Timestamp", timestamp)
                .header("X-Herald-Signature", "sha256=" + sign(secret, timestamp + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return NetworkCall.sendAsync(request).thenApply(call -> answerTo(call, post));
    }

    private static PublishResult answerTo(NetworkCall call, Outgoing post) {
        if (!call.succeeded()) {
            return call.failure(call.jsonObject().map(j -> j.getString("error", null)).orElse(null));
        }
        JsonObject answer = call.jsonObject().orElse(JsonObject.EMPTY_JSON_OBJECT);
        return new PublishResult.Published(answer.getString("id", post.idempotencyKey()),
                answer.getString("url", null));
    }

    @Override
    public LookupResult lookup(ChannelAccess channel, Outgoing post) {
        return new LookupResult.Unknown("A webhook cannot be asked; the delivery is repeated with the same Idempotency-Key.");
    }

    /**
     * A signed test delivery ({@code X-Herald-Event: connection-test}, no post in it): the receiver proves it is there
     * and accepts Herald's signature by answering 2xx. It is named by its host.
     */
    @Override
    public AccountCheck whoAmI(ChannelAccess channel) {
        return Calls.account(network(), () -> {
            String secret = channel.required(SIGNING_SECRET);
            String body = JSON.createObjectBuilder().add("event", TEST_EVENT).build().toString();
            String timestamp = String.valueOf(Instant.now().getEpochSecond());
            NetworkCall call = NetworkCall.send(NetworkCall.request(channel.endpoint()).timeout(answerTimeout)
                    .header("Content-Type", "application/json")
                    .header("X-Herald-Event", TEST_EVENT)
                    .header("X-Herald-Timestamp", timestamp)
                    .header("X-Herald-Signature", "sha256=" + sign(secret, timestamp + "." + body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
            if (!call.succeeded()) {
                throw new Stop(call.failure(call.jsonObject().map(j -> j.getString("error", null)).orElse(null)));
            }
            return Optional.ofNullable(java.net.URI.create(channel.endpoint()).getHost());
        });
    }

    @Override
    public MetricReading fetchMetrics(ChannelAccess channel, String networkPostId) {
        return new MetricReading(Instant.now(), Map.of());
    }

    /** A receiver is a system, not an audience: there are no followers to count, which is not zero. */
    @Override
    public MetricReading fetchChannelMetrics(ChannelAccess channel) {
        return new MetricReading(Instant.now(), Map.of());
    }

    static JsonObject payload(ChannelAccess channel, Outgoing post) {
        JsonArrayBuilder media = JSON.createArrayBuilder();
        for (OutgoingMedia m : post.media()) {
            JsonObjectBuilder item = JSON.createObjectBuilder().add("fileName", m.fileName()).add("mimeType", m.mimeType())
                    .add("sizeBytes", m.sizeBytes());
            if (m.altText() != null) {
                item.add("altText", m.altText());
            }
            m.publicAddress().ifPresent(url -> item.add("url", url));
            media.add(item);
        }
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("idempotencyKey", post.idempotencyKey())
                .add("publicationId", post.publicationId())
                .add("channel", channel.account())
                .add("text", post.text())
                .add("media", media);
        if (post.firstComment() != null && !post.firstComment().isBlank()) {
            json.add("firstComment", post.firstComment());
        }
        return json.build();
    }

    static String sign(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
