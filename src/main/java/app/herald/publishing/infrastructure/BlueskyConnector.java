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
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Bluesky through the channel's PDS (AT Protocol XRPC). Signs in with the handle and an app password, keeps the
 * session's tokens with the channel, and writes each post under a record key derived from the publication, so a
 * resend after a lost answer can only meet the post it already made.
 */
@ApplicationScoped
public class BlueskyConnector implements NetworkConnector {

    static final int MAX_IMAGES = 4;
    /** app.bsky.embed.images refuses larger blobs. */
    static final long MAX_IMAGE_BYTES = 1_000_000;
    private static final String POST = "app.bsky.feed.post";
    private static final String TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";
    /** 2000-01-01T00:00:00Z in microseconds: derived record keys fall between 2000 and 2017. */
    private static final long TID_BASE_MICROS = 946_684_800_000_000L;

    private final Duration answerTimeout;
    private final BlueskySession session;

    public BlueskyConnector() {
        this(NetworkCall.ANSWER_TIMEOUT);
    }

    BlueskyConnector(Duration answerTimeout) {
        this.answerTimeout = answerTimeout;
        this.session = new BlueskySession(answerTimeout);
    }

    @Override
    public Network network() {
        return Network.BLUESKY;
    }

    /**
     * The record key derived from the idempotency key does what an Idempotency-Key header does elsewhere: the PDS
     * refuses a second record under it, and publish then answers with the one already made.
     */
    @Override
    public boolean honoursIdempotencyKey() {
        return true;
    }

    @Override
    public List<String> validate(Outgoing post) {
        List<String> problems = new ArrayList<>();
        if (post.media().size() > MAX_IMAGES) {
            problems.add("Bluesky takes at most " + MAX_IMAGES + " images per post; this one has " + post.media().size() + ".");
        }
        for (OutgoingMedia media : post.media()) {
            if (media.isVideo()) {
                problems.add("Herald cannot publish video to Bluesky yet: remove " + media.fileName() + " or use an image.");
            } else if (media.sizeBytes() > MAX_IMAGE_BYTES) {
                problems.add("Bluesky takes images up to 1 MB; " + media.fileName() + " is larger.");
            }
        }
        return problems;
    }

    @Override
    public PublishResult publish(ChannelAccess channel, Outgoing post) {
        return created(channel, post).join();
    }

    /**
     * As {@link #publish} without a thread waiting for the PDS: a renewed session and the look-up after a refused
     * record key are chained on the answers. A post with images, or one mentioning someone (whose handle the PDS
     * resolves first), is made on the calling thread, as is a channel's first sign-in.
     */
    @Override
    public CompletableFuture<PublishResult> publishLater(ChannelAccess channel, Outgoing post) {
        if (!post.media().isEmpty() || BlueskyFacets.mentionsSomeone(post.text())) {
            return NetworkConnector.super.publishLater(channel, post);
        }
        return created(channel, post);
    }

    /** Writes the post's record; what comes before it (resolving mentions, uploading images) runs at once. */
    private CompletableFuture<PublishResult> created(ChannelAccess channel, Outgoing post) {
        return Calls.later(() -> {
            String rkey = recordKey(post.idempotencyKey());
            JsonObject body = JSON.createObjectBuilder().add("repo", session.did(channel)).add("collection", POST)
                    .add("rkey", rkey).add("record", record(channel, post)).build();
            return session.sendLater(channel, token -> session.xrpc(channel, "com.atproto.repo.createRecord", token)
                            .header("Content-Type", "application/json").POST(NetworkCall.json(body)).build())
                    .thenCompose(call -> answered(channel, post, rkey, call));
        });
    }

    private JsonObject record(ChannelAccess channel, Outgoing post) {
        JsonObjectBuilder record = JSON.createObjectBuilder()
                .add("$type", POST)
                .add("text", post.text())
                .add("createdAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        JsonArray facets = BlueskyFacets.of(post.text(), handle -> resolve(channel, handle));
        if (!facets.isEmpty()) {
            record.add("facets", facets);
        }
        post.answers().ifPresent(target -> record.add("reply", replyRefs(target)));
        if (!post.media().isEmpty()) {
            JsonArrayBuilder images = JSON.createArrayBuilder();
            for (OutgoingMedia media : post.media()) {
                images.add(JSON.createObjectBuilder().add("alt", media.altText() == null ? "" : media.altText())
                        .add("image", upload(channel, media)));
            }
            record.add("embed", JSON.createObjectBuilder().add("$type", "app.bsky.embed.images").add("images", images));
        }
        return record.build();
    }

    private CompletableFuture<PublishResult> answered(ChannelAccess channel, Outgoing post, String rkey,
                                                      NetworkCall call) {
        if (call.succeeded()) {
            return CompletableFuture.completedFuture(call.jsonObject().flatMap(o -> JsonPaths.text(o, "uri"))
                    .<PublishResult>map(uri -> new PublishResult.Published(uri, url(channel, rkey)))
                    .orElseGet(call::unreadable));
        }
        // The record key may be taken: an earlier attempt whose answer was lost made this very post. The reference
        // PDS answers that with HTTP 500 (its database refuses the duplicate), other servers with 400.
        if (call.status() == 400 || call.status() >= 500) {
            return lookupLater(channel, post).thenApply(earlier -> earlier instanceof LookupResult.Found found
                    ? found.post() : failure(call));
        }
        return CompletableFuture.completedFuture(failure(call));
    }

    /**
     * An answer names the post it answers (parent) and the first post of its thread (root), each by its record and
     * content ids, as app.bsky.feed.post#replyRef asks; the inbox kept both with the item it read.
     */
    static JsonObject replyRefs(ReplyTarget target) {
        String parentCid = target.ref(BlueskyInbox.CID)
                .orElseThrow(() -> new Stop(new PublishResult.Rejected("Bluesky needs the content id of what is answered, "
                        + "which Herald did not get; answer it on Bluesky.")));
        JsonObject parent = JSON.createObjectBuilder().add("uri", target.parentId()).add("cid", parentCid).build();
        JsonObject root = JSON.createObjectBuilder().add("uri", target.ref(BlueskyInbox.ROOT_URI).orElse(target.parentId()))
                .add("cid", target.ref(BlueskyInbox.ROOT_CID).orElse(parentCid)).build();
        return JSON.createObjectBuilder().add("root", root).add("parent", parent).build();
    }

    private JsonObject upload(ChannelAccess channel, OutgoingMedia media) {
        byte[] bytes = media.bytes();
        NetworkCall call = session.send(channel, token -> session.xrpc(channel, "com.atproto.repo.uploadBlob", token)
                .header("Content-Type", media.mimeType()).POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
        if (!call.succeeded()) {
            throw Stop.beforePost(failure(call));
        }
        return call.jsonObject().flatMap(o -> JsonPaths.object(o, "blob"))
                .orElseThrow(() -> Stop.beforePost(call.unreadable()));
    }

    private Optional<String> resolve(ChannelAccess channel, String handle) {
        NetworkCall call = NetworkCall.send(NetworkCall.request(channel.endpoint()
                + "/xrpc/com.atproto.identity.resolveHandle?handle=" + Forms.encode(handle), answerTimeout).GET().build());
        return call.succeeded() ? call.jsonObject().flatMap(o -> JsonPaths.text(o, "did")) : Optional.empty();
    }

    @Override
    public LookupResult lookup(ChannelAccess channel, Outgoing post) {
        return lookupLater(channel, post).join();
    }

    private CompletableFuture<LookupResult> lookupLater(ChannelAccess channel, Outgoing post) {
        return Calls.settled(() -> {
            String rkey = recordKey(post.idempotencyKey());
            String did = session.did(channel);
            return session.sendLater(channel, token -> session.xrpc(channel, "com.atproto.repo.getRecord?repo="
                            + Forms.encode(did) + "&collection=" + POST + "&rkey=" + rkey, token).GET().build())
                    .thenApply(call -> lookedUp(channel, rkey, call));
        }, e -> new LookupResult.Unknown(e.getMessage()), stop -> Calls.unknown(network(), stop.result()));
    }

    private LookupResult lookedUp(ChannelAccess channel, String rkey, NetworkCall call) {
        if (call.succeeded()) {
            return call.jsonObject().flatMap(o -> JsonPaths.text(o, "uri"))
                    .<LookupResult>map(uri -> new LookupResult.Found(new PublishResult.Published(uri, url(channel, rkey))))
                    .orElseGet(() -> Calls.unknown(network(), call.unreadable()));
        }
        if (call.status() == 400 && "RecordNotFound".equals(error(call))) {
            return new LookupResult.Absent();
        }
        return Calls.unknown(network(), failure(call));
    }

    /** Signs in afresh with the app password just typed; the session it opens is kept with the connection. */
    @Override
    public AccountCheck whoAmI(ChannelAccess channel) {
        return Calls.account(network(), () -> {
            JsonObject body = JSON.createObjectBuilder().add("identifier", channel.account())
                    .add("password", channel.required("app_password")).build();
            NetworkCall call = NetworkCall.send(NetworkCall.request(channel.endpoint()
                            + "/xrpc/com.atproto.server.createSession", answerTimeout)
                    .header("Content-Type", "application/json").POST(NetworkCall.json(body)).build());
            JsonObject session = Calls.accountAnswer(call, BlueskyConnector::failure);
            if (!BlueskySession.keep(channel, call)) {
                throw new Stop(call.unreadable());
            }
            return JsonPaths.text(session, "handle").map(h -> "@" + h);
        });
    }

    @Override
    public MetricReading fetchMetrics(ChannelAccess channel, String networkPostId) {
        try {
            NetworkCall call = session.send(channel, token -> session.xrpc(channel, "app.bsky.feed.getPosts?uris="
                    + Forms.encode(networkPostId), token).GET().build());
            if (!call.succeeded()) {
                throw Calls.metricsUnavailable(network(), failure(call));
            }
            JsonObject answer = call.jsonObject().orElseThrow(() -> Calls.metricsUnavailable(network(), call.unreadable()));
            JsonObject found = JsonPaths.objects(answer, "posts").stream().findFirst().orElseThrow(() ->
                    Calls.metricsUnavailable(network(), new PublishResult.Rejected("the post is gone (deleted?)")));
            Map<Metric, Long> values = new EnumMap<>(Metric.class);
            JsonPaths.put(values, Metric.LIKES, JsonPaths.number(found, "likeCount"));
            JsonPaths.put(values, Metric.SHARES, JsonPaths.number(found, "repostCount"));
            JsonPaths.put(values, Metric.REPLIES, JsonPaths.number(found, "replyCount"));
            JsonPaths.put(values, Metric.QUOTES, JsonPaths.number(found, "quoteCount"));
            // Newer AppViews only: bookmarks, and views, which come only to the author and only from 100 on.
            JsonPaths.put(values, Metric.SAVES, JsonPaths.number(found, "bookmarkCount"));
            JsonPaths.put(values, Metric.IMPRESSIONS, JsonPaths.number(found, "viewCount"));
            return new MetricReading(Instant.now(), values);
        } catch (Stop stop) {
            throw Calls.metricsUnavailable(network(), stop.result());
        }
    }

    /** Asked by DID rather than handle: a handle can change, the DID the session gave cannot. */
    @Override
    public MetricReading fetchChannelMetrics(ChannelAccess channel) {
        return Calls.channelReading(network(), () -> {
            String did = session.did(channel);
            NetworkCall call = session.send(channel, token -> session.xrpc(channel, "app.bsky.actor.getProfile?actor="
                    + Forms.encode(did), token).GET().build());
            JsonObject profile = Calls.metricsAnswer(network(), call, BlueskyConnector::failure);
            return Calls.followers(JsonPaths.number(profile, "followersCount"));
        });
    }

    /**
     * The record key for a publication: a valid TID computed from its idempotency key instead of the clock. Every
     * attempt of one publication writes the same key, so the PDS refuses a second copy and a lookup can ask for
     * exactly this record. The time part is kept in the past (2000-2017) because a TID reads as a creation time and
     * one in the future could be refused; createdAt in the record carries the real time.
     */
    static String recordKey(String idempotencyKey) {
        long hash;
        try {
            hash = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256")
                    .digest(idempotencyKey.getBytes(StandardCharsets.UTF_8))).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        long clockId = hash & 0x3FF;
        long micros = TID_BASE_MICROS + ((hash >>> 10) & ((1L << 49) - 1));
        long tid = (micros << 10) | clockId;
        char[] out = new char[13];
        for (int i = 12; i >= 0; i--) {
            out[i] = TID_ALPHABET.charAt((int) (tid & 0x1F));
            tid >>>= 5;
        }
        return new String(out);
    }

    private static String url(ChannelAccess channel, String rkey) {
        return "https://bsky.app/profile/" + channel.account() + "/post/" + rkey;
    }

    /** XRPC errors: {"error": "ExpiredToken", "message": "Token has expired"}. */
    private static String error(NetworkCall call) {
        return BlueskySession.error(call);
    }

    private static PublishResult failure(NetworkCall call) {
        return BlueskySession.failure(call);
    }
}
