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
 * X API v2 with an OAuth 2 user token (scopes tweet.write, tweet.read, users.read, media.write, offline.access): posts,
 * and answers to what {@link XInbox} read, which are posts that name the post they reply to.
 */
@ApplicationScoped
public class XConnector implements NetworkConnector {

    static final int MAX_IMAGES = 4;
    static final long MAX_IMAGE_BYTES = 5L * 1024 * 1024;
    /** How many recent posts a lookup reads: a retry follows its lost attempt within hours. */
    private static final int LOOKUP_DEPTH = 20;
    /** The handles X puts before the words of a reply, for the people it answers. */
    private static final Pattern LEADING_HANDLES = Pattern.compile("^(?:@\\w{1,15}\\s+)+");

    private final Duration answerTimeout;

    public XConnector() {
        this(NetworkCall.ANSWER_TIMEOUT);
    }

    XConnector(Duration answerTimeout) {
        this.answerTimeout = answerTimeout;
    }

    @Override
    public Network network() {
        return Network.X;
    }

    @Override
    public List<String> validate(Outgoing post) {
        List<String> problems = Calls.imagesOnly(network(), MAX_IMAGES, post);
        post.media().stream().filter(m -> !m.isVideo() && m.sizeBytes() > MAX_IMAGE_BYTES).forEach(m -> problems.add(
                "X takes images up to 5 MB; " + m.fileName() + " is larger."));
        return problems;
    }

    @Override
    public PublishResult publish(ChannelAccess channel, Outgoing post) {
        return publishLater(channel, post).join();
    }

    /**
     * A post is its images uploaded one after the other (each with its alt text), then the post itself: every request
     * sent when the one before has answered (two more when X refuses the token and it is renewed), no thread waiting.
     */
    @Override
    public CompletableFuture<PublishResult> publishLater(ChannelAccess channel, Outgoing post) {
        return Calls.later(() -> {
            OAuth2Tokens tokens = tokens(channel);
            return Calls.inTurn(post.media(), media -> upload(channel, tokens, media)).thenCompose(mediaIds -> {
                JsonObject json = tweet(post, mediaIds);
                return tokens.sendLater(token -> tweetRequest(channel, token, json));
            }).thenApply(XConnector::answerTo);
        });
    }

    private static JsonObject tweet(Outgoing post, List<String> mediaIds) {
        JsonObjectBuilder body = JSON.createObjectBuilder().add("text", post.text());
        post.answers().ifPresent(target -> body.add("reply", JSON.createObjectBuilder()
                .add("in_reply_to_tweet_id", target.parentId())));
        if (!mediaIds.isEmpty()) {
            body.add("media", JSON.createObjectBuilder().add("media_ids", JSON.createArrayBuilder(mediaIds)));
        }
        return body.build();
    }

    private HttpRequest tweetRequest(ChannelAccess channel, String token, JsonObject json) {
        return request(channel, "/2/tweets", token).header("Content-Type", "application/json")
                .POST(NetworkCall.json(json)).build();
    }

    private static PublishResult answerTo(NetworkCall call) {
        if (!call.succeeded()) {
            return failure(call);
        }
        return call.jsonObject().flatMap(o -> JsonPaths.text(o, "data.id"))
                .<PublishResult>map(id -> new PublishResult.Published(id, url(id)))
                .orElseGet(call::unreadable);
    }

    /** The simple one-request upload: enough for images up to 5 MB. */
    private CompletableFuture<String> upload(ChannelAccess channel, OAuth2Tokens tokens, OutgoingMedia media) {
        Multipart form = new Multipart().file("media", media.fileName(), media.mimeType(), media.bytes())
                .field("media_category", "tweet_image");
        return tokens.sendLater(token -> request(channel, "/2/media/upload", token)
                .header("Content-Type", form.contentType()).POST(form.body()).build()).thenApply(call -> {
                    if (!call.succeeded()) {
                        throw Stop.beforePost(failure(call));
                    }
                    return call.jsonObject().flatMap(o -> JsonPaths.text(o, "data.id"))
                            .orElseThrow(() -> Stop.beforePost(call.unreadable()));
                }).thenCompose(id -> described(channel, tokens, id, media.altText()));
    }

    /** The uploaded medium, given its alt text first when it has one. */
    private CompletableFuture<String> described(ChannelAccess channel, OAuth2Tokens tokens, String id, String altText) {
        if (altText == null || altText.isBlank()) {
            return CompletableFuture.completedFuture(id);
        }
        JsonObject metadata = JSON.createObjectBuilder().add("id", id).add("metadata", JSON.createObjectBuilder()
                .add("alt_text", JSON.createObjectBuilder().add("text", altText))).build();
        return tokens.sendLater(token -> request(channel, "/2/media/metadata", token)
                .header("Content-Type", "application/json").POST(NetworkCall.json(metadata)).build()).thenApply(alt -> {
                    if (!alt.succeeded()) {
                        throw Stop.beforePost(failure(alt));
                    }
                    return id;
                });
    }

    @Override
    public LookupResult lookup(ChannelAccess channel, Outgoing post) {
        try {
            OAuth2Tokens tokens = tokens(channel);
            NetworkCall me = tokens.send(token -> request(channel, "/2/users/me", token).GET().build());
            Optional<String> userId = me.succeeded() ? me.jsonObject().flatMap(o -> JsonPaths.text(o, "data.id"))
                    : Optional.empty();
            if (userId.isEmpty()) {
                return Calls.unknown(network(), me.succeeded() ? me.unreadable() : failure(me));
            }
            // An answer is found by what it answers as well as by its words, which X prefixes with @handles.
            Optional<String> answered = post.answers().map(ReplyTarget::parentId);
            NetworkCall recent = tokens.send(token -> request(channel, "/2/users/" + Forms.encode(userId.get())
                    + "/tweets?max_results=" + LOOKUP_DEPTH + (answered.isPresent() ? "&tweet.fields=referenced_tweets"
                    : ""), token).GET().build());
            if (!recent.succeeded()) {
                return Calls.unknown(network(), failure(recent));
            }
            String wanted = comparable(post.text());
            // No "data" at all is X's way of saying the account has no posts.
            return recent.jsonObject().map(answer -> JsonPaths.objects(answer, "data").stream()
                            .filter(t -> answered.isEmpty() || answered.equals(XApi.referenced(t, "replied_to")))
                            .filter(t -> comparable(withoutLeadingHandles(JsonPaths.text(t, "text").orElse(""),
                                    answered.isPresent())).equals(wanted))
                            .findFirst().flatMap(t -> JsonPaths.text(t, "id"))
                            .<LookupResult>map(id -> new LookupResult.Found(new PublishResult.Published(id, url(id))))
                            .orElseGet(LookupResult.Absent::new))
                    .orElseGet(() -> Calls.unknown(network(), recent.unreadable()));
        } catch (ChannelAccess.MissingCredential e) {
            return new LookupResult.Unknown(e.getMessage());
        }
    }

    private static String withoutLeadingHandles(String text, boolean reply) {
        return reply ? LEADING_HANDLES.matcher(text).replaceFirst("") : text;
    }

    /** X shortens every link to t.co, appends one for attached media, and escapes &, < and > in text it returns. */
    private static String comparable(String text) {
        return PostText.normalized(PostText.withoutLinks(PostText.unescape(text)));
    }

    @Override
    public AccountCheck whoAmI(ChannelAccess channel) {
        return Calls.account(network(), () -> {
            NetworkCall call = tokens(channel).send(token -> request(channel, "/2/users/me", token).GET().build());
            return JsonPaths.text(Calls.accountAnswer(call, XConnector::failure), "data.username").map(u -> "@" + u);
        });
    }

    @Override
    public MetricReading fetchMetrics(ChannelAccess channel, String networkPostId) {
        NetworkCall call = tokens(channel).send(token -> request(channel, "/2/tweets/" + Forms.encode(networkPostId)
                + "?tweet.fields=public_metrics", token).GET().build());
        JsonObject answer = Calls.metricsAnswer(network(), call, XConnector::failure);
        // A deleted post still answers 200, with only {"errors": [{"title": "Not Found Error", "detail"}]}.
        JsonObject post = JsonPaths.object(answer, "data").orElseThrow(() -> Calls.metricsUnavailable(network(),
                JsonPaths.objects(answer, "errors").isEmpty() ? call.unreadable()
                        : new PublishResult.Rejected("the post is gone (deleted?): " + message(call))));
        Map<Metric, Long> values = new EnumMap<>(Metric.class);
        JsonPaths.put(values, Metric.IMPRESSIONS, JsonPaths.number(post, "public_metrics.impression_count"));
        JsonPaths.put(values, Metric.LIKES, JsonPaths.number(post, "public_metrics.like_count"));
        JsonPaths.put(values, Metric.SHARES, JsonPaths.number(post, "public_metrics.retweet_count"));
        JsonPaths.put(values, Metric.REPLIES, JsonPaths.number(post, "public_metrics.reply_count"));
        JsonPaths.put(values, Metric.QUOTES, JsonPaths.number(post, "public_metrics.quote_count"));
        JsonPaths.put(values, Metric.SAVES, JsonPaths.number(post, "public_metrics.bookmark_count"));
        return new MetricReading(Instant.now(), values);
    }

    @Override
    public MetricReading fetchChannelMetrics(ChannelAccess channel) {
        return Calls.channelReading(network(), () -> {
            NetworkCall call = tokens(channel).send(token -> request(channel, "/2/users/me?user.fields=public_metrics",
                    token).GET().build());
            JsonObject answer = Calls.metricsAnswer(network(), call, XConnector::failure);
            return Calls.followers(JsonPaths.number(answer, "data.public_metrics.followers_count"));
        });
    }

    private OAuth2Tokens tokens(ChannelAccess channel) {
        return XApi.tokens(channel, answerTimeout);
    }

    private static String url(String id) {
        return XApi.url(id);
    }

    private HttpRequest.Builder request(ChannelAccess channel, String path, String token) {
        return XApi.request(channel, path, token, answerTimeout);
    }

    private static PublishResult failure(NetworkCall call) {
        return XApi.failure(call);
    }

    private static String message(NetworkCall call) {
        return XApi.message(call);
    }
}
