package app.herald.publishing.infrastructure;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Threads through its Graph API: a media container (text, or one image Threads downloads from a public address),
 * then threads_publish. An answer from the inbox is the same two steps with the answered post or reply as
 * reply_to_id. The token travels in the Authorization header, never in a URL.
 */
@ApplicationScoped
public class ThreadsConnector implements NetworkConnector {

    /** Threads allows carousels, but Herald publishes single-image posts to it so far. */
    static final int MAX_IMAGES = 1;
    /** How many of the account's recent replies a lookup of an answer reads. */
    private static final int REPLY_LOOKUP_DEPTH = 25;

    private final MetaContainers graph;

    public ThreadsConnector() {
        this(NetworkCall.ANSWER_TIMEOUT, Duration.ofSeconds(3));
    }

    ThreadsConnector(Duration answerTimeout, Duration containerPause) {
        this.graph = graph(answerTimeout, containerPause);
    }

    /** Threads' Graph API as this connector and {@link ThreadsInbox} speak to it. */
    static MetaContainers graph(Duration answerTimeout, Duration containerPause) {
        return new MetaContainers(Network.THREADS, "https://www.threads.net/", "status", "error_message",
                answerTimeout, containerPause);
    }

    @Override
    public Network network() {
        return Network.THREADS;
    }

    @Override
    public List<String> validate(Outgoing post) {
        List<String> problems = new ArrayList<>();
        if (post.media().size() > MAX_IMAGES) {
            problems.add("Herald publishes one image per Threads post; this one has " + post.media().size() + ".");
        }
        for (OutgoingMedia media : post.media()) {
            if (media.isVideo()) {
                problems.add("Herald cannot publish video to Threads yet: remove " + media.fileName() + " or use an image.");
            }
            if (media.publicAddress().isEmpty()) {
                problems.add("Threads downloads images from a public address, and " + media.fileName()
                        + " has none: Herald's public media address is not set up.");
            }
        }
        return problems;
    }

    @Override
    public PublishResult publish(ChannelAccess channel, Outgoing post) {
        return publishLater(channel, post).join();
    }

    /**
     * A post (or an answer) is the container, for an image the checks until Threads has fetched it, its publication
     * and the permalink: each request sent when the one before has answered, with no thread waiting, not even
     * through the pauses between checks.
     */
    @Override
    public CompletableFuture<PublishResult> publishLater(ChannelAccess channel, Outgoing post) {
        return Calls.later(() -> {
            String token = channel.required("access_token");
            List<String> problems = validate(post);
            if (!problems.isEmpty()) {
                return CompletableFuture.completedFuture(new PublishResult.Rejected(String.join(" ", problems)));
            }
            return graph.containerLater(channel, token, "threads", containerFields(post)).thenCompose(container ->
                    (post.media().isEmpty() ? CompletableFuture.<Void>completedFuture(null)
                            : graph.finishedLater(channel, token, container))
                            .thenCompose(ready -> graph.publishedLater(channel, token, "threads_publish", container)));
        });
    }

    private static Map<String, String> containerFields(Outgoing post) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (post.media().isEmpty()) {
            fields.put("media_type", "TEXT");
        } else {
            OutgoingMedia media = post.media().get(0);
            fields.put("media_type", "IMAGE");
            fields.put("image_url", media.publicAddress().orElseThrow());
            if (media.altText() != null && !media.altText().isBlank()) {
                fields.put("alt_text", media.altText());
            }
        }
        fields.put("text", post.text());
        post.answers().ifPresent(target -> fields.put("reply_to_id", target.parentId()));
        return fields;
    }

    /** A post is looked for among the account's recent threads, an answer among its replies to the same item. */
    @Override
    public LookupResult lookup(ChannelAccess channel, Outgoing post) {
        return post.answers().map(target -> lookupAnswer(channel, post, target.parentId()))
                .orElseGet(() -> graph.lookup(channel, post, "threads", "text"));
    }

    private LookupResult lookupAnswer(ChannelAccess channel, Outgoing post, String parentId) {
        try {
            NetworkCall call = NetworkCall.send(graph.request(channel, "/" + channel.account()
                    + "/replies?fields=id,text,permalink,replied_to&limit=" + REPLY_LOOKUP_DEPTH,
                    channel.required("access_token")).GET().build());
            if (!call.succeeded()) {
                return Calls.unknown(network(), GraphApi.failure(call, network().label()));
            }
            return call.jsonObject().map(answer -> JsonPaths.objects(answer, "data").stream()
                            .filter(r -> parentId.equals(JsonPaths.text(r, "replied_to.id")
                                    .or(() -> JsonPaths.text(r, "replied_to")).orElse(null)))
                            .filter(r -> PostText.same(JsonPaths.text(r, "text").orElse(""), post.text()))
                            .flatMap(r -> JsonPaths.text(r, "id").stream()
                                    .map(id -> new PublishResult.Published(id, JsonPaths.text(r, "permalink")
                                            .orElse("https://www.threads.net/"))))
                            .findFirst().<LookupResult>map(LookupResult.Found::new)
                            .orElseGet(LookupResult.Absent::new))
                    .orElseGet(() -> Calls.unknown(network(), call.unreadable()));
        } catch (ChannelAccess.MissingCredential e) {
            return new LookupResult.Unknown(e.getMessage());
        }
    }

    @Override
    public AccountCheck whoAmI(ChannelAccess channel) {
        return Calls.account(network(), () -> {
            NetworkCall call = NetworkCall.send(graph.request(channel, "/" + channel.account() + "?fields=username",
                    channel.required("access_token")).GET().build());
            return JsonPaths.text(Calls.accountAnswer(call, c -> GraphApi.failure(c, network().label())), "username")
                    .map(u -> "@" + u);
        });
    }

    @Override
    public MetricReading fetchMetrics(ChannelAccess channel, String networkPostId) {
        NetworkCall call = NetworkCall.send(graph.request(channel, "/" + networkPostId
                + "/insights?metric=views,likes,replies,reposts,quotes", channel.required("access_token")).GET().build());
        Map<String, Long> read = GraphApi.insights(Calls.metricsAnswer(network(), call,
                c -> GraphApi.failure(c, network().label())));
        Map<Metric, Long> values = new EnumMap<>(Metric.class);
        JsonPaths.put(values, Metric.IMPRESSIONS, Optional.ofNullable(read.get("views")));
        JsonPaths.put(values, Metric.LIKES, Optional.ofNullable(read.get("likes")));
        JsonPaths.put(values, Metric.REPLIES, Optional.ofNullable(read.get("replies")));
        JsonPaths.put(values, Metric.SHARES, Optional.ofNullable(read.get("reposts")));
        JsonPaths.put(values, Metric.QUOTES, Optional.ofNullable(read.get("quotes")));
        return new MetricReading(Instant.now(), values);
    }

    /** Threads keeps the follower count among the account's insights rather than on the profile. */
    @Override
    public MetricReading fetchChannelMetrics(ChannelAccess channel) {
        return Calls.channelReading(network(), () -> {
            NetworkCall call = NetworkCall.send(graph.request(channel, "/" + channel.account()
                    + "/threads_insights?metric=followers_count", channel.required("access_token")).GET().build());
            Map<String, Long> read = GraphApi.insights(Calls.metricsAnswer(network(), call,
                    c -> GraphApi.failure(c, network().label())));
            return Calls.followers(Optional.ofNullable(read.get("followers_count")));
        });
    }
}
