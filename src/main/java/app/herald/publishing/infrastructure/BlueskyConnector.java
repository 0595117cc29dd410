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
import java.util.function.Function;

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

    public BlueskyConnector() {
        this(NetworkCall.ANSWER_TIMEOUT);
    }

    BlueskyConnector(Duration answerTimeout) {
        this.answerTimeout = answerTimeout;
    }

    @Override
    public Network network() {
        return Network.BLUESKY;
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
        try {
            String rkey = recordKey(post.idempotencyKey());
            JsonObjectBuilder record = JSON.createObjectBuilder()
                    .add("$type", POST)
                    .add("text", post.text())
                    .add("createdAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
            JsonArray facets = BlueskyFacets.of(post.text(), handle -> resolve(channel, handle));
            if (!facets.isEmpty()) {
                record.add("facets", facets);
            }
            if (!post.media().isEmpty()) {
                JsonArrayBuilder images = JSON.createArrayBuilder();
                for (OutgoingMedia media : post.media()) {
                    images.add(JSON.createObjectBuilder().add("alt", media.altText() == null ? "" : media.altText())
                            .add("image", upload(channel, media)));
                }
                record.add("embed", JSON.createObjectBuilder().add("$type", "app.bsky.embed.images").add("images", images));
            }
            JsonObject body = JSON.createObjectBuilder().add("repo", did(channel)).add("collection", POST)
                    .add("rkey", rkey).add("record", record).build();
            NetworkCall call = send(channel, token -> xrpc(channel, "com.atproto.repo.createRecord", token)
                    .header("Content-Type", "application/json").POST(NetworkCall.json(body)).build());
            if (call.succeeded()) {
                return call.jsonObject().flatMap(o -> JsonPaths.text(o, "uri"))
                        .<PublishResult>map(uri -> new PublishResult.Published(uri, url(channel, rkey)))
                        .orElseGet(call::unreadable);
            }
            // The record key may be taken: an earlier attempt whose answer was lost made this very post. The reference
            // PDS answers that with HTTP 500 (its database refuses the duplicate), other servers with 400.
            if ((call.status() == 400 || call.status() >= 500) && lookup(channel, post) instanceof LookupResult.Found found) {
                return found.post();
            }
            return failure(call);
        } catch (ChannelAccess.MissingCredential e) {
            return new PublishResult.Rejected(e.getMessage());
        } catch (Stop stop) {
            return stop.result();
        }
    }

    private JsonObject upload(ChannelAccess channel, OutgoingMedia media) {
        byte[] bytes = media.bytes();
        NetworkCall call = send(channel, token -> xrpc(channel, "com.atproto.repo.uploadBlob", token)
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
        try {
            String rkey = recordKey(post.idempotencyKey());
            String did = did(channel);
            NetworkCall call = send(channel, token -> xrpc(channel, "com.atproto.repo.getRecord?repo=" + Forms.encode(did)
                    + "&collection=" + POST + "&rkey=" + rkey, token).GET().build());
            if (call.succeeded()) {
                return call.jsonObject().flatMap(o -> JsonPaths.text(o, "uri"))
                        .<LookupResult>map(uri -> new LookupResult.Found(new PublishResult.Published(uri, url(channel, rkey))))
                        .orElseGet(() -> Calls.unknown(network(), call.unreadable()));
            }
            if (call.status() == 400 && "RecordNotFound".equals(error(call))) {
                return new LookupResult.Absent();
            }
            return Calls.unknown(network(), failure(call));
        } catch (ChannelAccess.MissingCredential e) {
            return new LookupResult.Unknown(e.getMessage());
        } catch (Stop stop) {
            return Calls.unknown(network(), stop.result());
        }
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
            if (!keep(channel, call)) {
                throw new Stop(call.unreadable());
            }
            return JsonPaths.text(session, "handle").map(h -> "@" + h);
        });
    }

    @Override
    public MetricReading fetchMetrics(ChannelAccess channel, String networkPostId) {
        try {
            NetworkCall call = send(channel, token -> xrpc(channel, "app.bsky.feed.getPosts?uris="
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
            String did = did(channel);
            NetworkCall call = send(channel, token -> xrpc(channel, "app.bsky.actor.getProfile?actor="
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

    /**
     * Sends with the session's access token; when the PDS says it expired, refreshes the session (or signs in again
     * with the app password when the refresh token has expired too) and sends once more.
     */
    private NetworkCall send(ChannelAccess channel, Function<String, HttpRequest> request) {
        if (channel.credential("access_jwt").isEmpty() || channel.credential("did").isEmpty()) {
            createSession(channel);
        }
        NetworkCall call = NetworkCall.send(request.apply(channel.required("access_jwt")));
        if ((call.status() == 400 || call.status() == 401)
                && ("ExpiredToken".equals(error(call)) || "InvalidToken".equals(error(call)))) {
            if (!refreshSession(channel)) {
                createSession(channel);
            }
            call = NetworkCall.send(request.apply(channel.required("access_jwt")));
        }
        return call;
    }

    private String did(ChannelAccess channel) {
        if (channel.credential("access_jwt").isEmpty() || channel.credential("did").isEmpty()) {
            createSession(channel);
        }
        return channel.required("did");
    }

    /** Signing in is rate limited hard (30 per 5 minutes), which is why the session is kept and refreshed. */
    private void createSession(ChannelAccess channel) {
        JsonObject body = JSON.createObjectBuilder().add("identifier", channel.account())
                .add("password", channel.required("app_password")).build();
        NetworkCall call = NetworkCall.send(NetworkCall.request(channel.endpoint()
                        + "/xrpc/com.atproto.server.createSession", answerTimeout)
                .header("Content-Type", "application/json").POST(NetworkCall.json(body)).build());
        if (!call.succeeded() || !keep(channel, call)) {
            throw Stop.beforePost(call.succeeded() ? call.unreadable() : failure(call));
        }
    }

    private boolean refreshSession(ChannelAccess channel) {
        Optional<String> refresh = channel.credential("refresh_jwt");
        if (refresh.isEmpty()) {
            return false;
        }
        NetworkCall call = NetworkCall.send(xrpc(channel, "com.atproto.server.refreshSession", refresh.get())
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        return call.succeeded() && keep(channel, call);
    }

    private static boolean keep(ChannelAccess channel, NetworkCall call) {
        Optional<JsonObject> session = call.jsonObject();
        Optional<String> access = session.flatMap(s -> JsonPaths.text(s, "accessJwt"));
        Optional<String> refresh = session.flatMap(s -> JsonPaths.text(s, "refreshJwt"));
        Optional<String> did = session.flatMap(s -> JsonPaths.text(s, "did"));
        if (access.isEmpty() || refresh.isEmpty() || did.isEmpty()) {
            return false;
        }
        channel.renew("access_jwt", access.get());
        channel.renew("refresh_jwt", refresh.get());
        channel.renew("did", did.get());
        return true;
    }

    private HttpRequest.Builder xrpc(ChannelAccess channel, String methodAndQuery, String token) {
        return NetworkCall.request(channel.endpoint() + "/xrpc/" + methodAndQuery, answerTimeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    /** XRPC errors: {"error": "ExpiredToken", "message": "Token has expired"}. */
    private static String error(NetworkCall call) {
        return call.jsonObject().flatMap(o -> JsonPaths.text(o, "error")).orElse(null);
    }

    private static PublishResult failure(NetworkCall call) {
        String message = call.jsonObject().flatMap(o -> JsonPaths.text(o, "message").or(() -> JsonPaths.text(o, "error")))
                .orElse(null);
        return Calls.failure(call, message, "ratelimit-reset");
    }
}
