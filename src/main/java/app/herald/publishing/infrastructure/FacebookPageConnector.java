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
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A Facebook Page through the Graph API, with a long-lived Page access token. The token travels in the Authorization
 * header, never in a URL, so it cannot end up in a proxy's or the network's access log. Answers to what
 * {@link FacebookInbox} read go out as a comment under the comment, or as a Messenger message within Meta's 24-hour
 * window.
 */
@ApplicationScoped
public class FacebookPageConnector implements NetworkConnector {

    static final int MAX_IMAGES = 1;
    private static final int LOOKUP_DEPTH = 25;
    private static final Duration MESSAGING_WINDOW = Duration.ofHours(24);
    private static final List<String> POST_INSIGHTS = List.of("post_media_view", "post_total_media_view_unique",
            "post_clicks");

    private final Duration answerTimeout;
    private final MetaGraph graph;
    private final Clock clock;

    public FacebookPageConnector() {
        this(NetworkCall.ANSWER_TIMEOUT);
    }

    FacebookPageConnector(Duration answerTimeout) {
        this(answerTimeout, Clock.systemUTC());
    }

    FacebookPageConnector(Duration answerTimeout, Clock clock) {
        this.answerTimeout = answerTimeout;
        this.graph = new MetaGraph(Network.FACEBOOK, answerTimeout);
        this.clock = clock;
    }

    @Override
    public Network network() {
        return Network.FACEBOOK;
    }

    @Override
    public List<String> validate(Outgoing post) {
        if (post.answers().isPresent()) {
            return post.media().isEmpty() ? List.of()
                    : List.of("Herald answers on Facebook in words only: remove the images from the answer.");
        }
        return Calls.imagesOnly(Network.FACEBOOK, MAX_IMAGES, post);
    }

    @Override
    public PublishResult publish(ChannelAccess channel, Outgoing post) {
        return publishLater(channel, post).join();
    }

    /**
     * A post is one request, to the page's feed or, with its photo and the text as caption, to its photos; an answer
     * is a comment in its thread (then its address is asked for) or a Messenger message. All are sent without a
     * thread waiting for Graph's answers.
     */
    @Override
    public CompletableFuture<PublishResult> publishLater(ChannelAccess channel, Outgoing post) {
        if (post.answers().isPresent()) {
            return answer(channel, post, post.answers().get());
        }
        return Calls.later(() -> NetworkCall.sendAsync(postRequest(channel, channel.required("access_token"), post))
                .thenApply(this::answerTo));
    }

    private HttpRequest postRequest(ChannelAccess channel, String token, Outgoing post) {
        if (post.media().isEmpty()) {
            return request(channel, "/" + channel.account() + "/feed", token).header("Content-Type", Forms.CONTENT_TYPE)
                    .POST(Forms.body(Map.of("message", post.text()))).build();
        }
        OutgoingMedia media = post.media().get(0);
        Multipart form = new Multipart().file("source", media.fileName(), media.mimeType(), media.bytes())
                .field("caption", post.text());
        return request(channel, "/" + channel.account() + "/photos", token)
                .header("Content-Type", form.contentType()).POST(form.body()).build();
    }

    private PublishResult answerTo(NetworkCall call) {
        if (!call.succeeded()) {
            return GraphApi.failure(call, network().label());
        }
        // A photo answers {"id": photo, "post_id": page_post}; the post is what people see and what has insights.
        return call.jsonObject().flatMap(o -> JsonPaths.text(o, "post_id").or(() -> JsonPaths.text(o, "id")))
                .<PublishResult>map(id -> new PublishResult.Published(id, url(id)))
                .orElseGet(call::unreadable);
    }

    @Override
    public LookupResult lookup(ChannelAccess channel, Outgoing post) {
        if (post.answers().isPresent()) {
            return lookupAnswer(channel, post, post.answers().get());
        }
        try {
            NetworkCall call = NetworkCall.send(request(channel, "/" + channel.account()
                    + "/feed?fields=id,message,created_time&limit=" + LOOKUP_DEPTH, channel.required("access_token"))
                    .GET().build());
            if (!call.succeeded()) {
                return Calls.unknown(network(), GraphApi.failure(call, network().label()));
            }
            return call.jsonObject().map(answer -> JsonPaths.objects(answer, "data").stream()
                            .filter(p -> PostText.same(JsonPaths.text(p, "message").orElse(""), post.text()))
                            .findFirst().flatMap(p -> JsonPaths.text(p, "id"))
                            .<LookupResult>map(id -> new LookupResult.Found(new PublishResult.Published(id, url(id))))
                            .orElseGet(LookupResult.Absent::new))
                    .orElseGet(() -> Calls.unknown(network(), call.unreadable()));
        } catch (ChannelAccess.MissingCredential e) {
            return new LookupResult.Unknown(e.getMessage());
        }
    }

    /**
     * A comment is answered with a comment on its thread's first comment, the level where Facebook keeps replies (an
     * answer to a reply goes there too, below it); a Messenger message with a message to its sender, which Meta allows
     * within 24 hours of the person's last message only.
     */
    private CompletableFuture<PublishResult> answer(ChannelAccess channel, Outgoing post, ReplyTarget target) {
        return Calls.later(() -> {
            String token = channel.required("access_token");
            if (!isMessage(target)) {
                return NetworkCall.sendAsync(graph.request(channel, "/" + thread(target) + "/comments", Map.of(), token)
                                .header("Content-Type", Forms.CONTENT_TYPE)
                                .POST(Forms.body(Map.of("message", post.text()))).build())
                        .thenCompose(call -> commented(channel, token, target, call));
            }
            Optional<Instant> last = target.ref(FacebookInbox.REF_LAST_MESSAGE_AT)
                    .flatMap(MetaGraph::time);
            if (last.isEmpty() || last.get().isBefore(clock.instant().minus(MESSAGING_WINDOW))) {
                return CompletableFuture.completedFuture(new PublishResult.Rejected(FacebookInbox.MESSAGING_WINDOW));
            }
            JsonObject body = JSON.createObjectBuilder()
                    .add("recipient", JSON.createObjectBuilder()
                            .add("id", target.ref(FacebookInbox.REF_RECIPIENT).orElse("")))
                    .add("messaging_type", "RESPONSE")
                    .add("message", JSON.createObjectBuilder().add("text", post.text())).build();
            return NetworkCall.sendAsync(graph.request(channel, "/" + channel.account() + "/messages", Map.of(),
                    token).header("Content-Type", "application/json").POST(NetworkCall.json(body)).build())
                    .thenApply(call -> !call.succeeded() ? graph.failure(call)
                            : call.jsonObject().flatMap(o -> JsonPaths.text(o, "message_id"))
                            .<PublishResult>map(id -> new PublishResult.Published(id, inbox(channel)))
                            .orElseGet(call::unreadable));
        });
    }

    /** The answer exists once Facebook gave its id; a link it does not give costs the link only. */
    private CompletableFuture<PublishResult> commented(ChannelAccess channel, String token, ReplyTarget target,
                                                       NetworkCall call) {
        if (!call.succeeded()) {
            return CompletableFuture.completedFuture(graph.failure(call));
        }
        Optional<String> id = call.jsonObject().flatMap(o -> JsonPaths.text(o, "id"));
        if (id.isEmpty()) {
            return CompletableFuture.completedFuture(call.unreadable());
        }
        return NetworkCall.sendAsync(graph.request(channel, "/" + id.get(), Map.of("fields", "permalink_url"), token)
                        .GET().build())
                .thenApply(link -> new PublishResult.Published(id.get(), (link.succeeded()
                        ? link.jsonObject().flatMap(o -> JsonPaths.text(o, "permalink_url")) : Optional.<String>empty())
                        .or(() -> target.ref(FacebookInbox.REF_URL)).orElse(url(id.get()))));
    }

    /**
     * An answer appears in the comment thread it answers (filter=stream lists the nested ones too) or in the
     * Messenger conversation, written by the Page itself.
     */
    private LookupResult lookupAnswer(ChannelAccess channel, Outgoing post, ReplyTarget target) {
        try {
            String token = channel.required("access_token");
            Map<String, String> query = new LinkedHashMap<>();
            if (isMessage(target)) {
                query.put("fields", "id,message,from,created_time");
            } else {
                query.put("filter", "stream");
                query.put("order", "reverse_chronological");
                query.put("fields", "id,message,from{id},created_time,permalink_url");
            }
            query.put("limit", String.valueOf(LOOKUP_DEPTH));
            NetworkCall call = graph.get(channel, "/" + thread(target) + (isMessage(target) ? "/messages"
                    : "/comments"), query, token);
            if (!call.succeeded()) {
                return Calls.unknown(network(), graph.failure(call));
            }
            return call.jsonObject().map(answer -> JsonPaths.objects(answer, "data").stream()
                            .filter(c -> JsonPaths.text(c, "from.id").filter(channel.account()::equals).isPresent())
                            .filter(c -> PostText.same(JsonPaths.text(c, "message").orElse(""), post.text()))
                            .findFirst().flatMap(c -> JsonPaths.text(c, "id").map(id -> new PublishResult.Published(id,
                                    isMessage(target) ? inbox(channel) : JsonPaths.text(c, "permalink_url")
                                            .or(() -> target.ref(FacebookInbox.REF_URL)).orElse(url(id)))))
                            .<LookupResult>map(LookupResult.Found::new)
                            .orElseGet(LookupResult.Absent::new))
                    .orElseGet(() -> Calls.unknown(network(), call.unreadable()));
        } catch (ChannelAccess.MissingCredential e) {
            return new LookupResult.Unknown(e.getMessage());
        }
    }

    /** The thread's first comment, or the Messenger conversation. */
    private static String thread(ReplyTarget target) {
        return target.ref(FacebookInbox.REF_THREAD).orElse(target.parentId());
    }

    private static boolean isMessage(ReplyTarget target) {
        return target.ref(FacebookInbox.REF_KIND).filter(FacebookInbox.KIND_MESSAGE::equals).isPresent();
    }

    /** Messenger messages have no public address: the Page's inbox in Meta Business Suite shows them. */
    private static String inbox(ChannelAccess channel) {
        return "https://business.facebook.com/latest/inbox/all?asset_id=" + channel.account();
    }

    /**
     * Reactions, comments and shares from the post itself; views, viewers and clicks from its insights, which Meta
     * gives only to Pages with enough followers and retires metric by metric: a refused insights request leaves those
     * out instead of failing the whole reading.
     */
    @Override
    public AccountCheck whoAmI(ChannelAccess channel) {
        return Calls.account(network(), () -> {
            NetworkCall call = NetworkCall.send(request(channel, "/" + channel.account() + "?fields=name",
                    channel.required("access_token")).GET().build());
            return JsonPaths.text(Calls.accountAnswer(call, c -> GraphApi.failure(c, network().label())), "name");
        });
    }

    @Override
    public MetricReading fetchMetrics(ChannelAccess channel, String networkPostId) {
        String token = channel.required("access_token");
        NetworkCall counts = NetworkCall.send(request(channel, "/" + networkPostId
                + "?fields=reactions.summary(total_count),comments.summary(total_count),shares", token).GET().build());
        JsonObject post = Calls.metricsAnswer(network(), counts, c -> GraphApi.failure(c, network().label()));
        Map<Metric, Long> values = new EnumMap<>(Metric.class);
        JsonPaths.put(values, Metric.LIKES, JsonPaths.number(post, "reactions.summary.total_count"));
        JsonPaths.put(values, Metric.REPLIES, JsonPaths.number(post, "comments.summary.total_count"));
        // The Graph API leaves "shares" out for a post nobody has shared; the answer did come, so that is zero.
        values.put(Metric.SHARES, JsonPaths.number(post, "shares.count").orElse(0L));
        // Views and viewers replaced post_impressions and post_impressions_unique, which Meta retired in 2025.
        Map<String, Long> read = insights(channel, token, networkPostId, POST_INSIGHTS);
        JsonPaths.put(values, Metric.IMPRESSIONS, Optional.ofNullable(read.get("post_media_view")));
        JsonPaths.put(values, Metric.REACH, Optional.ofNullable(read.get("post_total_media_view_unique")));
        JsonPaths.put(values, Metric.LINK_CLICKS, Optional.ofNullable(read.get("post_clicks")));
        return new MetricReading(Instant.now(), values);
    }

    /**
     * Meta refuses the whole insights request when one of its metrics is retired or not offered for this post, so a
     * refused set is asked again one metric at a time to keep the numbers that still exist.
     */
    private Map<String, Long> insights(ChannelAccess channel, String token, String postId, List<String> metrics) {
        NetworkCall call = NetworkCall.send(request(channel, "/" + postId + "/insights?metric="
                + String.join(",", metrics), token).GET().build());
        if (call.succeeded()) {
            return call.jsonObject().map(GraphApi::insights).orElse(Map.of());
        }
        PublishResult failure = GraphApi.failure(call, network().label());
        boolean refused = failure instanceof PublishResult.Rejected rejected && !rejected.reconnect();
        if (!refused) {
            throw Calls.metricsUnavailable(network(), failure);
        }
        Map<String, Long> found = new HashMap<>();
        if (metrics.size() > 1) {
            metrics.forEach(metric -> found.putAll(insights(channel, token, postId, List.of(metric))));
        }
        return found;
    }

    /** The Page's followers; where Graph leaves them out, its fans (people who like it) are the nearest number. */
    @Override
    public MetricReading fetchChannelMetrics(ChannelAccess channel) {
        return Calls.channelReading(network(), () -> {
            NetworkCall call = NetworkCall.send(request(channel, "/" + channel.account()
                    + "?fields=followers_count,fan_count", channel.required("access_token")).GET().build());
            JsonObject page = Calls.metricsAnswer(network(), call, c -> GraphApi.failure(c, network().label()));
            return Calls.followers(JsonPaths.number(page, "followers_count")
                    .or(() -> JsonPaths.number(page, "fan_count")));
        });
    }

    private static String url(String id) {
        return "https://www.facebook.com/" + id;
    }

    private HttpRequest.Builder request(ChannelAccess channel, String pathAndQuery, String token) {
        return NetworkCall.request(channel.endpoint() + pathAndQuery, answerTimeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }
}
