package app.herald.publishing.infrastructure;

import app.herald.content.domain.Network;
import app.herald.publishing.domain.ChannelAccess;
import app.herald.publishing.domain.LookupResult;
import app.herald.publishing.domain.Outgoing;
import app.herald.publishing.domain.PublishResult;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What Instagram and Threads share: both publish in two steps through a media container the network prepares
 * (downloading the image itself), both read a post's permalink separately, and both can only be asked about an
 * earlier attempt by reading the account's recent posts. The token travels in the Authorization header.
 */
final class MetaContainers {

    private static final int CONTAINER_CHECKS = 10;
    private static final int LOOKUP_DEPTH = 25;

    private final Network network;
    private final String home;
    private final String statusField;
    private final String detailField;
    private final Duration answerTimeout;
    private final Duration containerPause;

    /**
     * @param statusField the container's field that says FINISHED, ERROR or EXPIRED
     * @param detailField the container's field that explains an error
     */
    MetaContainers(Network network, String home, String statusField, String detailField, Duration answerTimeout,
                   Duration containerPause) {
        this.network = network;
        this.home = home;
        this.statusField = statusField;
        this.detailField = detailField;
        this.answerTimeout = answerTimeout;
        this.containerPause = containerPause;
    }

    HttpRequest.Builder request(ChannelAccess channel, String pathAndQuery, String token) {
        return NetworkCall.request(channel.endpoint() + pathAndQuery, answerTimeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    /**
     * Publishing a container before the network has fetched its image fails, so wait (bounded) until it has, asking
     * again after a pause, without a thread waiting meanwhile. Completes exceptionally with a {@link Stop} when the
     * container failed or is still not ready after the last check.
     */
    CompletableFuture<Void> finishedLater(ChannelAccess channel, String token, String container) {
        return checked(channel, token, container, CONTAINER_CHECKS);
    }

    private CompletableFuture<Void> checked(ChannelAccess channel, String token, String container, int checksLeft) {
        return NetworkCall.sendAsync(request(channel, "/" + container + "?fields=" + statusField + "," + detailField,
                token).GET().build()).thenCompose(call -> {
                    if (!call.succeeded()) {
                        throw Stop.beforePost(GraphApi.failure(call, network.label()));
                    }
                    Optional<JsonObject> state = call.jsonObject();
                    String status = state.flatMap(o -> JsonPaths.text(o, statusField)).orElse("");
                    if (status.equals("FINISHED")) {
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    if (status.equals("ERROR") || status.equals("EXPIRED")) {
                        throw new Stop(new PublishResult.Rejected(network.label() + " could not prepare the image ("
                                + status + state.flatMap(o -> JsonPaths.text(o, detailField)).map(s -> ": " + s)
                                .orElse("") + "). Check that its public address opens the image, then retry."));
                    }
                    if (checksLeft <= 1) {
                        throw new Stop(new PublishResult.RetryLater(network.label() + " is still preparing the image; "
                                + "no post was made yet."));
                    }
                    return Calls.after(containerPause)
                            .thenCompose(paused -> checked(channel, token, container, checksLeft - 1));
                });
    }

    /**
     * Makes a container on the account's {@code edge} (media, threads) from {@code fields}; completes exceptionally
     * with a {@link Stop} when the network made none, so no post exists yet.
     */
    CompletableFuture<String> containerLater(ChannelAccess channel, String token, String edge,
                                             Map<String, String> fields) {
        return NetworkCall.sendAsync(request(channel, "/" + channel.account() + "/" + edge, token)
                .header("Content-Type", Forms.CONTENT_TYPE).POST(Forms.body(fields)).build()).thenApply(created -> {
                    if (!created.succeeded()) {
                        throw Stop.beforePost(GraphApi.failure(created, network.label()));
                    }
                    return created.jsonObject().flatMap(o -> JsonPaths.text(o, "id"))
                            .orElseThrow(() -> Stop.beforePost(created.unreadable()));
                });
    }

    /**
     * Publishes a ready container through the account's {@code edge} (media_publish, threads_publish), then reads the
     * post's permalink. The post exists once the publish step answers; a missing permalink only costs the link, never
     * the result.
     */
    CompletableFuture<PublishResult> publishedLater(ChannelAccess channel, String token, String edge,
                                                    String container) {
        return NetworkCall.sendAsync(request(channel, "/" + channel.account() + "/" + edge, token)
                .header("Content-Type", Forms.CONTENT_TYPE).POST(Forms.body(Map.of("creation_id", container))).build())
                .thenCompose(call -> {
                    if (!call.succeeded()) {
                        return CompletableFuture.completedFuture(GraphApi.failure(call, network.label()));
                    }
                    Optional<String> id = call.jsonObject().flatMap(o -> JsonPaths.text(o, "id"));
                    if (id.isEmpty()) {
                        return CompletableFuture.completedFuture(call.unreadable());
                    }
                    return NetworkCall.sendAsync(permalinkRequest(channel, token, id.get())).thenApply(link ->
                            new PublishResult.Published(id.get(), permalinkIn(link)));
                });
    }

    private HttpRequest permalinkRequest(ChannelAccess channel, String token, String id) {
        return request(channel, "/" + id + "?fields=permalink", token).GET().build();
    }

    private String permalinkIn(NetworkCall call) {
        return (call.succeeded() ? call.jsonObject().flatMap(o -> JsonPaths.text(o, "permalink")) : Optional.<String>empty())
                .orElse(home);
    }

    /** Looks for the post among the account's recent ones on {@code edge}, comparing {@code textField}. */
    LookupResult lookup(ChannelAccess channel, Outgoing post, String edge, String textField) {
        try {
            NetworkCall call = NetworkCall.send(request(channel, "/" + channel.account() + "/" + edge + "?fields=id,"
                    + textField + ",permalink&limit=" + LOOKUP_DEPTH, channel.required("access_token")).GET().build());
            if (!call.succeeded()) {
                return Calls.unknown(network, GraphApi.failure(call, network.label()));
            }
            return call.jsonObject().map(answer -> JsonPaths.objects(answer, "data").stream()
                            .filter(p -> PostText.same(JsonPaths.text(p, textField).orElse(""), post.text()))
                            .filter(p -> JsonPaths.text(p, "id").isPresent())
                            .findFirst()
                            .<LookupResult>map(p -> new LookupResult.Found(new PublishResult.Published(
                                    JsonPaths.text(p, "id").orElseThrow(), JsonPaths.text(p, "permalink").orElse(home))))
                            .orElseGet(LookupResult.Absent::new))
                    .orElseGet(() -> Calls.unknown(network, call.unreadable()));
        } catch (ChannelAccess.MissingCredential e) {
            return new LookupResult.Unknown(e.getMessage());
        }
    }
}
