package app.herald.publishing.infrastructure;

import app.herald.content.domain.Network;
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
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Facebook Page through the Graph API, with a long-lived Page access token. The token travels in the Authorization
 * header, never in a URL, so it cannot end up in a proxy's or the network's access log.
 */
@ApplicationScoped
public class FacebookPageConnector implements NetworkConnector {

    static final int MAX_IMAGES = 1;
    private static final int LOOKUP_DEPTH = 25;

    private final Duration answerTimeout;

    public FacebookPageConnector() {
        this(NetworkCall.ANSWER_TIMEOUT);
    }

    FacebookPageConnector(Duration answerTimeout) {
        this.answerTimeout = answerTimeout;
    }

    @Override
    public Network network() {
        return Network.FACEBOOK;
    }

    @Override
    public List<String> validate(Outgoing post) {
        return Calls.imagesOnly(Network.FACEBOOK, MAX_IMAGES, post);
    }

    @Override
    public PublishResult publish(ChannelAccess channel, Outgoing post) {
        try {
            String token = channel.required("access_token");
            NetworkCall call;
            if (post.media().isEmpty()) {
                call = NetworkCall.send(request(channel, "/" + channel.account() + "/feed", token)
                        .header("Content-Type", Forms.CONTENT_TYPE)
                        .POST(Forms.body(Map.of("message", post.text()))).build());
            } else {
                OutgoingMedia media = post.media().get(0);
                Multipart form = new Multipart().file("source", media.fileName(), media.mimeType(), media.bytes())
                        .field("caption", post.text());
                call = NetworkCall.send(request(channel, "/" + channel.account() + "/photos", token)
                        .header("Content-Type", form.contentType()).POST(form.body()).build());
            }
            if (!call.succeeded()) {
                return GraphApi.failure(call, network().label());
            }
            // A photo answers {"id": photo, "post_id": page_post}; the post is what people see and what has insights.
            return call.jsonObject().flatMap(o -> JsonPaths.text(o, "post_id").or(() -> JsonPaths.text(o, "id")))
                    .<PublishResult>map(id -> new PublishResult.Published(id, url(id)))
                    .orElseGet(call::unreadable);
        } catch (ChannelAccess.MissingCredential e) {
            return new PublishResult.Rejected(e.getMessage());
        }
    }

    @Override
    public LookupResult lookup(ChannelAccess channel, Outgoing post) {
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
     * Reactions, comments and shares from the post itself; impressions, reach and clicks from its insights, which
     * Meta gives only to Pages with enough followers and retires metric by metric: a refused insights request leaves
     * those three out instead of failing the whole reading.
     */
    @Override
    public MetricReading fetchMetrics(ChannelAccess channel, String networkPostId) {
        String token = channel.required("access_token");
        NetworkCall counts = NetworkCall.send(request(channel, "/" + networkPostId
                + "?fields=reactions.summary(total_count),comments.summary(total_count),shares", token).GET().build());
        if (!counts.succeeded()) {
            throw Calls.metricsUnavailable(network(), GraphApi.failure(counts, network().label()));
        }
        JsonObject post = counts.jsonObject().orElseThrow(() -> Calls.metricsUnavailable(network(), counts.unreadable()));
        Map<Metric, Long> values = new EnumMap<>(Metric.class);
        JsonPaths.put(values, Metric.LIKES, JsonPaths.number(post, "reactions.summary.total_count"));
        JsonPaths.put(values, Metric.REPLIES, JsonPaths.number(post, "comments.summary.total_count"));
        // The Graph API leaves "shares" out for a post nobody has shared; the answer did come, so that is zero.
        values.put(Metric.SHARES, JsonPaths.number(post, "shares.count").orElse(0L));
        NetworkCall insights = NetworkCall.send(request(channel, "/" + networkPostId
                + "/insights?metric=post_impressions,post_impressions_unique,post_clicks", token).GET().build());
        if (insights.succeeded()) {
            Map<String, Long> read = insights.jsonObject().map(GraphApi::insights).orElse(Map.of());
            JsonPaths.put(values, Metric.IMPRESSIONS, Optional.ofNullable(read.get("post_impressions")));
            JsonPaths.put(values, Metric.REACH, Optional.ofNullable(read.get("post_impressions_unique")));
            JsonPaths.put(values, Metric.LINK_CLICKS, Optional.ofNullable(read.get("post_clicks")));
        } else if (!(GraphApi.failure(insights, network().label()) instanceof PublishResult.Rejected)) {
            throw Calls.metricsUnavailable(network(), GraphApi.failure(insights, network().label()));
        }
        return new MetricReading(Instant.now(), values);
    }

    private static String url(String id) {
        return "https://www.facebook.com/" + id;
    }

    private HttpRequest.Builder request(ChannelAccess channel, String pathAndQuery, String token) {
        return NetworkCall.request(channel.endpoint() + pathAndQuery, answerTimeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }
}
