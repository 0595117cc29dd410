package app.herald.publishing.infrastructure;

import static app.herald.kernel.JsonSupport.JSON;

import app.herald.content.domain.Network;
import app.herald.publishing.domain.AccountCheck;
import app.herald.publishing.domain.ChannelAccess;
import app.herald.publishing.domain.LookupResult;
import app.herald.publishing.domain.Metric;
import app.herald.publishing.domain.MetricReading;
import app.herald.publishing.domain.NetworkConnector;
import app.herald.publishing.domain.Outgoing;
import app.herald.publishing.domain.OutgoingMedia;
import app.herald.publishing.domain.PublishResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mastodon's REST API on the channel's own instance. Statuses carry the publication's idempotency key, which Mastodon
 * remembers for about an hour; lookups still only read, so they are safe at any time.
 */
@ApplicationScoped
public class MastodonConnector implements NetworkConnector {

    static final int MAX_IMAGES = 4;
    /** Large images take a few seconds to process; a status cannot attach them before that. */
    private static final int PROCESSING_CHECKS = 10;
    /** How many recent statuses a lookup reads: a retry follows its lost attempt within hours, not weeks. */
    private static final int LOOKUP_DEPTH = 40;

    private final Duration answerTimeout;
    private final Duration processingPause;

    public MastodonConnector() {
        this(NetworkCall.ANSWER_TIMEOUT, Duration.ofSeconds(2));
    }

    MastodonConnector(Duration answerTimeout, Duration processingPause) {
        this.answerTimeout = answerTimeout;
        this.processingPause = processingPause;
    }

    @Override
    public Network network() {
        return Network.MASTODON;
    }

    @Override
    public boolean honoursIdempotencyKey() {
        return true;
    }

    @Override
    public List<String> validate(Outgoing post) {
        return Calls.imagesOnly(Network.MASTODON, MAX_IMAGES, post);
    }

    @Override
    public PublishResult publish(ChannelAccess channel, Outgoing post) {
        try {
            String token = channel.required("access_token");
            List<String> mediaIds = new ArrayList<>();
            for (OutgoingMedia media : post.media()) {
                mediaIds.add(upload(channel, token, media));
            }
            JsonObjectBuilder body = JSON.createObjectBuilder().add("status", post.text());
            if (!mediaIds.isEmpty()) {
                body.add("media_ids", JSON.createArrayBuilder(mediaIds));
            }
            NetworkCall call = NetworkCall.send(request(channel, "/api/v1/statuses", token)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", post.idempotencyKey())
                    .POST(NetworkCall.json(body.build())).build());
            if (!call.succeeded()) {
                return call.failure(errorMessage(call));
            }
            return call.jsonObject().flatMap(MastodonConnector::published).<PublishResult>map(p -> p)
                    .orElseGet(call::unreadable);
        } catch (ChannelAccess.MissingCredential e) {
            return new PublishResult.Rejected(e.getMessage());
        } catch (Stop stop) {
            return stop.result();
        }
    }

    private String upload(ChannelAccess channel, String token, OutgoingMedia media) {
        Multipart form = new Multipart().file("file", media.fileName(), media.mimeType(), media.bytes());
        if (media.altText() != null && !media.altText().isBlank()) {
            form.field("description", media.altText());
        }
        NetworkCall call = NetworkCall.send(request(channel, "/api/v2/media", token)
                .header("Content-Type", form.contentType()).POST(form.body()).build());
        if (!call.succeeded()) {
            throw Stop.beforePost(call.failure(errorMessage(call)));
        }
        String id = call.jsonObject().flatMap(o -> JsonPaths.text(o, "id"))
                .orElseThrow(() -> Stop.beforePost(call.unreadable()));
        // 202: accepted, still processing; url stays null until it is done.
        boolean ready = call.status() == 200 && call.jsonObject().flatMap(o -> JsonPaths.text(o, "url")).isPresent();
        for (int check = 0; !ready && check < PROCESSING_CHECKS; check++) {
            pause();
            NetworkCall state = NetworkCall.send(request(channel, "/api/v1/media/" + id, token).GET().build());
            if (!state.succeeded()) {
                throw Stop.beforePost(state.failure(errorMessage(state)));
            }
            ready = state.status() == 200 && state.jsonObject().flatMap(o -> JsonPaths.text(o, "url")).isPresent();
        }
        if (!ready) {
            throw new Stop(new PublishResult.RetryLater("Mastodon is still processing " + media.fileName()
                    + "; no post was made yet."));
        }
        return id;
    }

    @Override
    public LookupResult lookup(ChannelAccess channel, Outgoing post) {
        try {
            String token = channel.required("access_token");
            NetworkCall me = NetworkCall.send(request(channel, "/api/v1/accounts/verify_credentials", token).GET().build());
            Optional<String> accountId = me.succeeded() ? me.jsonObject().flatMap(o -> JsonPaths.text(o, "id"))
                    : Optional.empty();
            if (accountId.isEmpty()) {
                return Calls.unknown(network(), me.succeeded() ? me.unreadable() : me.failure(errorMessage(me)));
            }
            NetworkCall recent = NetworkCall.send(request(channel, "/api/v1/accounts/" + Forms.encode(accountId.get())
                    + "/statuses?limit=" + LOOKUP_DEPTH + "&exclude_reblogs=true", token).GET().build());
            if (!recent.succeeded()) {
                return Calls.unknown(network(), recent.failure(errorMessage(recent)));
            }
            return Calls.jsonArray(recent).map(statuses -> JsonPaths.objects(statuses).stream()
                            .filter(s -> comparable(PostText.fromHtml(JsonPaths.text(s, "content").orElse("")))
                                    .equals(comparable(post.text())))
                            .findFirst().flatMap(MastodonConnector::published)
                            .<LookupResult>map(LookupResult.Found::new).orElseGet(LookupResult.Absent::new))
                    .orElseGet(() -> Calls.unknown(network(), recent.unreadable()));
        } catch (ChannelAccess.MissingCredential e) {
            return new LookupResult.Unknown(e.getMessage());
        }
    }

    /** Mastodon shows a remote mention @user@host as @user; the rest of the text survives its HTML. */
    private static String comparable(String text) {
        return PostText.normalized(text.replaceAll("(^|[\\s(])@([\\w.-]+)@[\\w.-]+\\w", "$1@$2"));
    }

    @Override
    public AccountCheck whoAmI(ChannelAccess channel) {
        return Calls.account(network(), () -> {
            NetworkCall call = NetworkCall.send(request(channel, "/api/v1/accounts/verify_credentials",
                    channel.required("access_token")).GET().build());
            return JsonPaths.text(Calls.accountAnswer(call, c -> c.failure(errorMessage(c))), "acct").map(a -> "@" + a);
        });
    }

    @Override
    public MetricReading fetchMetrics(ChannelAccess channel, String networkPostId) {
        NetworkCall call = NetworkCall.send(request(channel, "/api/v1/statuses/" + Forms.encode(networkPostId),
                channel.required("access_token")).GET().build());
        if (!call.succeeded()) {
            throw Calls.metricsUnavailable(network(), call.failure(errorMessage(call)));
        }
        JsonObject status = call.jsonObject().orElseThrow(() -> Calls.metricsUnavailable(network(), call.unreadable()));
        Map<Metric, Long> values = new EnumMap<>(Metric.class);
        JsonPaths.put(values, Metric.LIKES, JsonPaths.number(status, "favourites_count"));
        JsonPaths.put(values, Metric.SHARES, JsonPaths.number(status, "reblogs_count"));
        JsonPaths.put(values, Metric.REPLIES, JsonPaths.number(status, "replies_count"));
        // Only servers from Mastodon 4.5 count quotes.
        JsonPaths.put(values, Metric.QUOTES, JsonPaths.number(status, "quotes_count"));
        return new MetricReading(Instant.now(), values);
    }

    /** The signed-in account, as verify_credentials returns it, carries its follower count. */
    @Override
    public MetricReading fetchChannelMetrics(ChannelAccess channel) {
        return Calls.channelReading(network(), () -> {
            NetworkCall call = NetworkCall.send(request(channel, "/api/v1/accounts/verify_credentials",
                    channel.required("access_token")).GET().build());
            JsonObject account = Calls.metricsAnswer(network(), call, c -> c.failure(errorMessage(c)));
            return Calls.followers(JsonPaths.number(account, "followers_count"));
        });
    }

    private static Optional<PublishResult.Published> published(JsonObject status) {
        Optional<String> id = JsonPaths.text(status, "id");
        Optional<String> url = JsonPaths.text(status, "url").or(() -> JsonPaths.text(status, "uri"));
        return id.isPresent() && url.isPresent() ? Optional.of(new PublishResult.Published(id.get(), url.get()))
                : Optional.empty();
    }

    private HttpRequest.Builder request(ChannelAccess channel, String path, String token) {
        return NetworkCall.request(channel.endpoint() + path, answerTimeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    /** Mastodon's error body: {"error": "..."}. */
    private static String errorMessage(NetworkCall call) {
        return call.jsonObject().flatMap(o -> JsonPaths.text(o, "error")).orElse(null);
    }

    private void pause() {
        try {
            Thread.sleep(processingPause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stop(new PublishResult.RetryLater("Herald stopped while Mastodon processed an image."));
        }
    }
}
