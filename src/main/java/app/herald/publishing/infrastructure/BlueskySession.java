package app.herald.publishing.infrastructure;

import static app.herald.kernel.JsonSupport.JSON;

import app.herald.publishing.domain.ChannelAccess;
import app.herald.publishing.domain.PublishResult;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A channel's session with its Bluesky PDS, shared by what publishes and what reads the inbox: signs in with the
 * handle and app password, keeps the session's tokens with the channel (renewed through {@link ChannelAccess#renew}),
 * refreshes them when the PDS says they expired, and sends XRPC requests with them.
 */
final class BlueskySession {

    private final Duration answerTimeout;

    BlueskySession(Duration answerTimeout) {
        this.answerTimeout = answerTimeout;
    }

    /**
     * Sends with the session's access token; when the PDS says it expired, refreshes the session (or signs in again
     * with the app password when the refresh token has expired too) and sends once more. Throws {@link Stop} when
     * signing in fails.
     */
    NetworkCall send(ChannelAccess channel, Function<String, HttpRequest> request) {
        return Calls.joined(sendLater(channel, request));
    }

    /**
     * As {@link #send} without a thread waiting for the PDS: the renewal and the second sending are chained on the
     * answers. Signing in before sending (a channel without a session yet, which is rare) runs on the calling thread
     * and throws {@link Stop} when it fails; a renewal that fails completes the answer exceptionally with it.
     */
    CompletableFuture<NetworkCall> sendLater(ChannelAccess channel, Function<String, HttpRequest> request) {
        opened(channel);
        return NetworkCall.sendAsync(request.apply(channel.required("access_jwt"))).thenCompose(call -> expired(call)
                ? renewLater(channel).thenCompose(renewedSession -> NetworkCall.sendAsync(
                        request.apply(channel.required("access_jwt"))))
                : CompletableFuture.completedFuture(call));
    }

    String did(ChannelAccess channel) {
        opened(channel);
        return channel.required("did");
    }

    /** Signs in, on the calling thread, when the channel has no session yet (rare: its first use, a reconnection). */
    private void opened(ChannelAccess channel) {
        if (channel.credential("access_jwt").isEmpty() || channel.credential("did").isEmpty()) {
            kept(channel, NetworkCall.send(signIn(channel)));
        }
    }

    private static boolean expired(NetworkCall call) {
        return (call.status() == 400 || call.status() == 401)
                && ("ExpiredToken".equals(error(call)) || "InvalidToken".equals(error(call)));
    }

    /** The session refreshed, or else opened again with the app password. */
    private CompletableFuture<Void> renewLater(ChannelAccess channel) {
        Optional<String> refresh = channel.credential("refresh_jwt");
        CompletableFuture<Boolean> refreshed = refresh.isEmpty() ? CompletableFuture.completedFuture(false)
                : NetworkCall.sendAsync(xrpc(channel, "com.atproto.server.refreshSession", refresh.get())
                        .POST(HttpRequest.BodyPublishers.noBody()).build())
                        .thenApply(call -> call.succeeded() && keep(channel, call));
        return refreshed.thenCompose(done -> done ? CompletableFuture.<Void>completedFuture(null)
                : NetworkCall.sendAsync(signIn(channel)).thenAccept(call -> kept(channel, call)));
    }

    /** Signing in is rate limited hard (30 per 5 minutes), which is why the session is kept and refreshed. */
    private HttpRequest signIn(ChannelAccess channel) {
        JsonObject body = JSON.createObjectBuilder().add("identifier", channel.account())
                .add("password", channel.required("app_password")).build();
        return NetworkCall.request(channel.endpoint() + "/xrpc/com.atproto.server.createSession", answerTimeout)
                .header("Content-Type", "application/json").POST(NetworkCall.json(body)).build();
    }

    /** Keeps the session a sign-in opened; throws {@link Stop} when it did not open one. */
    private static void kept(ChannelAccess channel, NetworkCall signIn) {
        if (!signIn.succeeded() || !keep(channel, signIn)) {
            throw Stop.beforePost(signIn.succeeded() ? signIn.unreadable() : failure(signIn));
        }
    }

    static boolean keep(ChannelAccess channel, NetworkCall call) {
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

    HttpRequest.Builder xrpc(ChannelAccess channel, String methodAndQuery, String token) {
        return NetworkCall.request(channel.endpoint() + "/xrpc/" + methodAndQuery, answerTimeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    /** XRPC errors: {"error": "ExpiredToken", "message": "Token has expired"}. */
    static String error(NetworkCall call) {
        return call.jsonObject().flatMap(o -> JsonPaths.text(o, "error")).orElse(null);
    }

    static PublishResult failure(NetworkCall call) {
        String message = call.jsonObject().flatMap(o -> JsonPaths.text(o, "message").or(() -> JsonPaths.text(o, "error")))
                .orElse(null);
        return Calls.failure(call, message, "ratelimit-reset");
    }
}
