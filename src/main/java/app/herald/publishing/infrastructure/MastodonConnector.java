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
import app.herald.publishing.domain.ReplyTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * Mastodon's REST API on the channel's own instance. Statuses carry the publication's idempotency key, which Mastodon
 * remembers for about an hour; lookups still only read, so they are safe at any time. An answer from the inbox is a
 * status in reply to the one answered, as visible as that one and no more, naming its author so that they hear of it.
 */
@ApplicationScoped
public class MastodonConnector implements NetworkConnector {

    static final int MAX_IMAGES = 4;
    /** Large images take a few seconds to process; a status cannot attach them before that. */
    private static final int PROCESSING_CHECKS = 10;
    /** How many recent statuses a lookup reads: a retry follows its lost attempt within hours, not weeks. */
    private static final int LOOKUP_DEPTH = 40;
    /** The {@link ReplyTarget} refs the inbox names: the answered status's visibility and its author's @acct. */
    static final String VISIBILITY = "visibility";
    static final String MENTION = "mention";

    private final MastodonApi api;
    private final Duration processingPause;

    public MastodonConnector() {
        this(NetworkCall.ANSWER_TIMEOUT, Duration.ofSeconds(2));
    }

    MastodonConnector(Duration answerTimeout, Duration processingPause) {
        this.api = new MastodonApi(answerTimeout);
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
        return publishLater(channel, post).join();
    }

    /**
     * A status is its images uploaded one after the other (Mastodon may take a few seconds to process each, asked
     * again after a pause), then the status itself: every request sent when the one before has answered, no thread
     * waiting, not even through the pauses.
     */
    @Override
    public CompletableFuture<PublishResult> publishLater(ChannelAccess channel, Outgoing post) {
        return Calls.later(() -> {
            String token = channel.required("access_token");
            return Calls.inTurn(post.media(), media -> upload(channel, token, media))
                    .thenCompose(mediaIds -> NetworkCall.sendAsync(statusRequest(channel, token, post, mediaIds)))
                    .thenApply(MastodonConnector::answerTo);
        });
    }

    private HttpRequest statusRequest(ChannelAccess channel, String token, Outgoing post, List<String> mediaIds) {
        JsonObjectBuilder body = JSON.createObjectBuilder().add("status", statusText(post));
        if (!mediaIds.isEmpty()) {
            body.add("media_ids", JSON.createArrayBuilder(mediaIds));
        }
        post.answers().ifPresent(target -> {
            body.add("in_reply_to_id", target.parentId());
            target.ref(VISIBILITY).ifPresent(v -> body.add("visibility", v));
        });
        return api.request(channel, "/api/v1/statuses", token).header("Content-Type", "application/json")
                .header("Idempotency-Key", post.idempotencyKey()).POST(NetworkCall.json(body.build())).build();
    }

    private static PublishResult answerTo(NetworkCall call) {
        if (!call.succeeded()) {
            return MastodonApi.failure(call);
        }
        return call.jsonObject().flatMap(MastodonConnector::published).<PublishResult>map(p -> p)
                .orElseGet(call::unreadable);
    }

    private CompletableFuture<String> upload(ChannelAccess channel, String token, OutgoingMedia media) {
        Multipart form = new Multipart().file("file", media.fileName(), media.mimeType(), media.bytes());
        if (media.altText() != null && !media.altText().isBlank()) {
            form.field("description", media.altText());
        }
        return NetworkCall.sendAsync(api.request(channel, "/api/v2/media", token)
                .header("Content-Type", form.contentType()).POST(form.body()).build()).thenCompose(call -> {
                    if (!call.succeeded()) {
                        throw Stop.beforePost(MastodonApi.failure(call));
                    }
                    String id = call.jsonObject().flatMap(o -> JsonPaths.text(o, "id"))
                            .orElseThrow(() -> Stop.beforePost(call.unreadable()));
                    // 202: accepted, still processing; url stays null until it is done.
                    return processed(channel, token, media, id, call, PROCESSING_CHECKS);
                });
    }

    /** The medium's id once Mastodon has processed it, asking again after a pause up to {@code checksLeft} times. */
    private CompletableFuture<String> processed(ChannelAccess channel, String token, OutgoingMedia media, String id,
                                                NetworkCall state, int checksLeft) {
        if (!state.succeeded()) {
            throw Stop.beforePost(MastodonApi.failure(state));
        }
        if (state.status() == 200 && state.jsonObject().flatMap(o -> JsonPaths.text(o, "url")).isPresent()) {
            return CompletableFuture.completedFuture(id);
        }
        if (checksLeft == 0) {
            throw new Stop(new PublishResult.RetryLater("Mastodon is still processing " + media.fileName()
                    + "; no post was made yet."));
        }
        return Calls.after(processingPause)
                .thenCompose(paused -> NetworkCall.sendAsync(api.request(channel, "/api/v1/media/" + id, token).GET()
                        .build()))
                .thenCompose(next -> processed(channel, token, media, id, next, checksLeft - 1));
    }

    /**
     * Reads the account's recent statuses, where answers show up too (the author sees even their direct ones); an
     * answer must also answer the same status.
     */
    @Override
    public LookupResult lookup(ChannelAccess channel, Outgoing post) {
        try {
            String token = channel.required("access_token");
            Optional<String> accountId = JsonPaths.text(api.account(channel, token), "id");
            if (accountId.isEmpty()) {
                return new LookupResult.Unknown("Mastodon answered without the account's id.");
            }
            String path = "/api/v1/accounts/" + Forms.encode(accountId.get()) + "/statuses?limit=" + LOOKUP_DEPTH
                    + "&exclude_reblogs=true";
            NetworkCall recent = NetworkCall.send(api.request(channel, path, token).GET().build());
            if (!recent.succeeded()) {
                return Calls.unknown(network(), MastodonApi.failure(recent));
            }
            String sent = comparable(statusText(post));
            Optional<String> parent = post.answers().map(ReplyTarget::parentId);
            return Calls.jsonArray(recent).map(statuses -> JsonPaths.objects(statuses).stream()
                            .filter(s -> parent.isEmpty() || parent.equals(JsonPaths.text(s, "in_reply_to_id")))
                            .filter(s -> comparable(PostText.fromHtml(JsonPaths.text(s, "content").orElse("")))
                                    .equals(sent))
                            .findFirst().flatMap(MastodonConnector::published)
                            .<LookupResult>map(LookupResult.Found::new).orElseGet(LookupResult.Absent::new))
                    .orElseGet(() -> Calls.unknown(network(), recent.unreadable()));
        } catch (ChannelAccess.MissingCredential e) {
            return new LookupResult.Unknown(e.getMessage());
        } catch (Stop stop) {
            return Calls.unknown(network(), stop.result());
        }
    }

    /**
     * The words of the status: an answer names the author it answers unless it already does, since Mastodon tells
     * people only of the statuses that mention them.
     */
    static String statusText(Outgoing post) {
        Optional<String> mention = post.answers().flatMap(t -> t.ref(MENTION))
                .map(m -> m.startsWith("@") ? m : "@" + m);
        if (mention.isEmpty() || Pattern.compile("(?<![\\w@])" + Pattern.quote(mention.get())
                + "(?![\\w@-]|\\.\\w)", Pattern.CASE_INSENSITIVE).matcher(post.text()).find()) {
            return post.text();
        }
        return mention.get() + " " + post.text();
    }

    /** Mastodon shows a remote mention @user@host as @user; the rest of the text survives its HTML. */
    private static String comparable(String text) {
        return PostText.normalized(text.replaceAll("(^|[\\s(])@([\\w.-]+)@[\\w.-]+\\w", "$1@$2"));
    }

    @Override
    public AccountCheck whoAmI(ChannelAccess channel) {
        return Calls.account(network(), () -> {
            NetworkCall call = NetworkCall.send(api.request(channel, "/api/v1/accounts/verify_credentials",
                    channel.required("access_token")).GET().build());
            return JsonPaths.text(Calls.accountAnswer(call, MastodonApi::failure), "acct").map(a -> "@" + a);
        });
    }

    @Override
    public MetricReading fetchMetrics(ChannelAccess channel, String networkPostId) {
        NetworkCall call = NetworkCall.send(api.request(channel, "/api/v1/statuses/" + Forms.encode(networkPostId),
                channel.required("access_token")).GET().build());
        if (!call.succeeded()) {
            throw Calls.metricsUnavailable(network(), MastodonApi.failure(call));
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
            NetworkCall call = NetworkCall.send(api.request(channel, "/api/v1/accounts/verify_credentials",
                    channel.required("access_token")).GET().build());
            JsonObject account = Calls.metricsAnswer(network(), call, MastodonApi::failure);
            return Calls.followers(JsonPaths.number(account, "followers_count"));
        });
    }

    private static Optional<PublishResult.Published> published(JsonObject status) {
        Optional<String> id = JsonPaths.text(status, "id");
        Optional<String> url = JsonPaths.text(status, "url").or(() -> JsonPaths.text(status, "uri"));
        return id.isPresent() && url.isPresent() ? Optional.of(new PublishResult.Published(id.get(), url.get()))
                : Optional.empty();
    }
}
