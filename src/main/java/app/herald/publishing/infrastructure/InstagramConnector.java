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
import app.herald.publishing.domain.ReplyTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
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
 * An Instagram professional account through the Instagram Graph API (Content Publishing). Instagram downloads each
 * image itself from a public address, into a container; Herald waits until the container is ready, then publishes it.
 * Answers to what {@link InstagramInbox} read go out as replies to comments (or comments on a media that mentions the
 * account). The token travels in the Authorization header, never in a URL.
 */
@ApplicationScoped
public class InstagramConnector implements NetworkConnector {

    static final int MAX_IMAGES = 10;
    /** Images are usually ready within seconds; past this the attempt is retried later with a new container. */

    private final MetaContainers graph;
    private final MetaGraph answers;

    public InstagramConnector() {
        this(NetworkCall.ANSWER_TIMEOUT, Duration.ofSeconds(3));
    }

    InstagramConnector(Duration answerTimeout, Duration containerPause) {
        this.graph = new MetaContainers(Network.INSTAGRAM, "https://www.instagram.com/", "status_code", "status",
                answerTimeout, containerPause);
        this.answers = new MetaGraph(Network.INSTAGRAM, answerTimeout);
    }

    @Override
    public Network network() {
        return Network.INSTAGRAM;
    }

    @Override
    public List<String> validate(Outgoing post) {
        if (post.answers().isPresent()) {
            return post.media().isEmpty() ? List.of()
                    : List.of("Instagram takes answers to comments in words only: remove the images from the answer.");
        }
        List<String> problems = new ArrayList<>();
        if (post.media().isEmpty()) {
            problems.add("Instagram needs at least one image.");
        }
        if (post.media().size() > MAX_IMAGES) {
            problems.add("Instagram takes at most " + MAX_IMAGES + " images per post; this one has " + post.media().size() + ".");
        }
        for (OutgoingMedia media : post.media()) {
            if (media.isVideo()) {
                problems.add("Herald cannot publish video to Instagram yet: remove " + media.fileName() + " or use an image.");
            } else if (!media.mimeType().equals("image/jpeg")) {
                problems.add("Instagram accepts only JPEG images; " + media.fileName() + " is " + media.mimeType() + ".");
            }
            if (media.publicAddress().isEmpty()) {
                problems.add("Instagram downloads images from a public address, and " + media.fileName()
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
     * A post is the account's publishing limit asked first, the image's container (a carousel's items, then the
     * carousel), the checks until Instagram has fetched the images, the publication and the permalink: each request
     * sent when the one before has answered, with no thread waiting, not even through the pauses between checks. An
     * answer goes on the calling thread.
     */
    @Override
    public CompletableFuture<PublishResult> publishLater(ChannelAccess channel, Outgoing post) {
        if (post.answers().isPresent()) {
            return CompletableFuture.completedFuture(answer(channel, post, post.answers().get()));
        }
        return Calls.later(() -> {
            String token = channel.required("access_token");
            List<String> problems = validate(post);
            if (!problems.isEmpty()) {
                return CompletableFuture.completedFuture(new PublishResult.Rejected(String.join(" ", problems)));
            }
            return withinPublishingLimit(channel, token)
                    .thenCompose(allowed -> container(channel, token, post))
                    .thenCompose(container -> graph.finishedLater(channel, token, container)
                            .thenCompose(ready -> graph.publishedLater(channel, token, "media_publish", container)));
        });
    }

    /** One image's container, or a carousel's: its items' containers first, one after the other. */
    private CompletableFuture<String> container(ChannelAccess channel, String token, Outgoing post) {
        if (post.media().size() == 1) {
            Map<String, String> fields = image(post.media().get(0));
            fields.put("caption", post.text());
            return graph.containerLater(channel, token, "media", fields);
        }
        return Calls.inTurn(post.media(), media -> {
            Map<String, String> fields = image(media);
            fields.put("is_carousel_item", "true");
            return graph.containerLater(channel, token, "media", fields);
        }).thenCompose(children -> {
            Map<String, String> carousel = new LinkedHashMap<>();
            carousel.put("media_type", "CAROUSEL");
            carousel.put("children", String.join(",", children));
            carousel.put("caption", post.text());
            return graph.containerLater(channel, token, "media", carousel);
        });
    }

    private static Map<String, String> image(OutgoingMedia media) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("image_url", media.publicAddress().orElseThrow());
        if (media.altText() != null && !media.altText().isBlank()) {
            fields.put("alt_text", media.altText());
        }
        return fields;
    }

    /**
     * Instagram caps API posts per account per 24 hours; asking first avoids a refused publish with a spent container.
     * Completes exceptionally with a {@link Stop} when the account has used them.
     */
    private CompletableFuture<Void> withinPublishingLimit(ChannelAccess channel, String token) {
        return NetworkCall.sendAsync(graph.request(channel, "/" + channel.account()
                + "/content_publishing_limit?fields=quota_usage,config", token).GET().build()).thenAccept(call -> {
                    if (!call.succeeded()) {
                        throw Stop.beforePost(GraphApi.failure(call, network().label()));
                    }
                    Optional<JsonObject> limit = call.jsonObject()
                            .flatMap(o -> JsonPaths.objects(o, "data").stream().findFirst());
                    long used = limit.flatMap(l -> JsonPaths.number(l, "quota_usage")).orElse(0L);
                    Optional<Long> total = limit.flatMap(l -> JsonPaths.number(l, "config.quota_total"));
                    if (total.isPresent() && used >= total.get()) {
                        throw new Stop(new PublishResult.RetryLater("Instagram allows " + total.get() + " posts per 24 "
                                + "hours through its API and this account has used them; Herald tries again later.",
                                Duration.ofHours(1)));
                    }
                });
    }

    @Override
    public LookupResult lookup(ChannelAccess channel, Outgoing post) {
        return post.answers().isPresent() ? lookupAnswer(channel, post, post.answers().get())
                : graph.lookup(channel, post, "media", "caption");
    }

    /**
     * A comment is answered under its thread's top-level comment, the only level Instagram takes replies on; a
     * media whose caption mentions the account, through the account's mentions edge.
     */
    private PublishResult answer(ChannelAccess channel, Outgoing post, ReplyTarget target) {
        try {
            String token = channel.required("access_token");
            List<String> problems = validate(post);
            if (!problems.isEmpty()) {
                return new PublishResult.Rejected(String.join(" ", problems));
            }
            boolean mention = target.ref(InstagramInbox.REF_KIND).filter(InstagramInbox.KIND_MENTION::equals)
                    .isPresent();
            Map<String, String> fields = new LinkedHashMap<>();
            if (mention) {
                fields.put("media_id", target.parentId());
            }
            fields.put("message", post.text());
            String path = mention ? "/" + channel.account() + "/mentions" : "/" + thread(target) + "/replies";
            NetworkCall call = answers.postForm(channel, path, fields, token);
            if (!call.succeeded()) {
                return answers.failure(call);
            }
            String url = target.ref(InstagramInbox.REF_URL).orElse("https://www.instagram.com/");
            return call.jsonObject().flatMap(o -> JsonPaths.text(o, "id"))
                    .<PublishResult>map(id -> new PublishResult.Published(id, url))
                    .orElseGet(call::unreadable);
        } catch (ChannelAccess.MissingCredential e) {
            return new PublishResult.Rejected(e.getMessage());
        }
    }

    /**
     * An answer to a comment is among its thread's replies, written by the account. Comments on someone else's media
     * cannot be listed by the account, so an answer to a mention cannot be looked up.
     */
    private LookupResult lookupAnswer(ChannelAccess channel, Outgoing post, ReplyTarget target) {
        if (target.ref(InstagramInbox.REF_KIND).filter(InstagramInbox.KIND_MENTION::equals).isPresent()) {
            return new LookupResult.Unknown("Instagram does not list the comments on other accounts' media.");
        }
        try {
            String token = channel.required("access_token");
            NetworkCall me = answers.get(channel, "/" + channel.account(), Map.of("fields", "username"), token);
            if (!me.succeeded()) {
                return Calls.unknown(network(), answers.failure(me));
            }
            Optional<String> own = me.jsonObject().flatMap(o -> JsonPaths.text(o, "username"));
            if (own.isEmpty()) {
                return Calls.unknown(network(), me.unreadable());
            }
            NetworkCall call = answers.get(channel, "/" + thread(target) + "/replies",
                    Map.of("fields", "id,text,username,from{id,username},timestamp"), token);
            if (!call.succeeded()) {
                return Calls.unknown(network(), answers.failure(call));
            }
            String url = target.ref(InstagramInbox.REF_URL).orElse("https://www.instagram.com/");
            return call.jsonObject().map(answer -> JsonPaths.objects(answer, "data").stream()
                            .filter(r -> JsonPaths.text(r, "from.id").filter(channel.account()::equals).isPresent()
                                    || JsonPaths.text(r, "username").filter(own.get()::equalsIgnoreCase).isPresent())
                            .filter(r -> PostText.same(JsonPaths.text(r, "text").orElse(""), post.text()))
                            .findFirst().flatMap(r -> JsonPaths.text(r, "id"))
                            .<LookupResult>map(id -> new LookupResult.Found(new PublishResult.Published(id, url)))
                            .orElseGet(LookupResult.Absent::new))
                    .orElseGet(() -> Calls.unknown(network(), call.unreadable()));
        } catch (ChannelAccess.MissingCredential e) {
            return new LookupResult.Unknown(e.getMessage());
        }
    }

    /** Instagram takes replies on top-level comments only: an answer to a reply goes under its thread's first. */
    private static String thread(ReplyTarget target) {
        return target.ref(InstagramInbox.REF_THREAD).orElse(target.parentId());
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
                + "/insights?metric=reach,likes,comments,shares,saved,views", channel.required("access_token")).GET().build());
        Map<String, Long> read = GraphApi.insights(Calls.metricsAnswer(network(), call,
                c -> GraphApi.failure(c, network().label())));
        Map<Metric, Long> values = new EnumMap<>(Metric.class);
        JsonPaths.put(values, Metric.REACH, Optional.ofNullable(read.get("reach")));
        JsonPaths.put(values, Metric.LIKES, Optional.ofNullable(read.get("likes")));
        JsonPaths.put(values, Metric.REPLIES, Optional.ofNullable(read.get("comments")));
        JsonPaths.put(values, Metric.SHARES, Optional.ofNullable(read.get("shares")));
        JsonPaths.put(values, Metric.SAVES, Optional.ofNullable(read.get("saved")));
        // "views" replaced "impressions" in 2025: for a post it counts every time it was shown.
        JsonPaths.put(values, Metric.IMPRESSIONS, Optional.ofNullable(read.get("views")));
        return new MetricReading(Instant.now(), values);
    }

    @Override
    public MetricReading fetchChannelMetrics(ChannelAccess channel) {
        return Calls.channelReading(network(), () -> {
            NetworkCall call = NetworkCall.send(graph.request(channel, "/" + channel.account() + "?fields=followers_count",
                    channel.required("access_token")).GET().build());
            JsonObject user = Calls.metricsAnswer(network(), call, c -> GraphApi.failure(c, network().label()));
            return Calls.followers(JsonPaths.number(user, "followers_count"));
        });
    }
}
