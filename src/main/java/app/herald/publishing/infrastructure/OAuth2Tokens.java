package app.herald.publishing.infrastructure;

import app.herald.publishing.domain.ChannelAccess;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A channel's expiring OAuth 2 user token (X: two hours, LinkedIn: sixty days), renewed with the refresh_token grant
 * shortly before it expires, and once more when the network answers 401 anyway (revoked early, clocks apart). One
 * instance serves one publication, lookup or metrics reading, and renews at most once: a token that fails right
 * after renewal is refused for good, and the channel must be connected again.
 */
final class OAuth2Tokens {

    /** Renewing this long before expiry keeps a slow upload from outliving its token. */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    private final ChannelAccess channel;
    private final Duration answerTimeout;
    private final boolean basicClientAuth;
    private boolean renewed;

    /**
     * @param basicClientAuth send the app's id and secret as HTTP Basic authentication (X) rather than as form fields
     *                        (LinkedIn); each network documents one way.
     */
    OAuth2Tokens(ChannelAccess channel, Duration answerTimeout, boolean basicClientAuth) {
        this.channel = channel;
        this.answerTimeout = answerTimeout;
        this.basicClientAuth = basicClientAuth;
    }

    /** Sends the request built for the current access token, renewing the token first or after a 401 when it can. */
    NetworkCall send(Function<String, HttpRequest> request) {
        if (expiresSoon()) {
            // When early renewal fails the old token may still be good for a few minutes: try it.
            renew();
        }
        NetworkCall call = NetworkCall.send(request.apply(channel.required("access_token")));
        if (call.status() == 401 && renew()) {
            call = NetworkCall.send(request.apply(channel.required("access_token")));
        }
        return call;
    }

    private boolean expiresSoon() {
        return channel.credential("expires_at").filter(v -> v.strip().matches("\\d{1,12}"))
                .map(v -> Instant.ofEpochSecond(Long.parseLong(v.strip())))
                .map(at -> !Instant.now().plus(RENEW_BEFORE).isBefore(at))
                .orElse(false);
    }

    /**
     * As {@link #send}, answering when the network has, without a thread waiting for it: a renewal after a 401 and the
     * request sent again are chained on the answers. A renewal before sending (the token expires within minutes) is
     * rare and runs on the calling thread.
     */
    CompletableFuture<NetworkCall> sendLater(Function<String, HttpRequest> request) {
        if (expiresSoon()) {
            renew();
        }
        return NetworkCall.sendAsync(request.apply(channel.required("access_token"))).thenCompose(call -> {
            Optional<HttpRequest> renewal = call.status() == 401 ? renewal() : Optional.empty();
            if (renewal.isEmpty()) {
                return CompletableFuture.completedFuture(call);
            }
            return NetworkCall.sendAsync(renewal.get()).thenCompose(answer -> keep(answer)
                    ? NetworkCall.sendAsync(request.apply(channel.required("access_token")))
                    : CompletableFuture.completedFuture(call));
        });
    }

    /** True when a new access token was stored. */
    private boolean renew() {
        return renewal().map(request -> keep(NetworkCall.send(request))).orElse(false);
    }

    /** The refresh_token grant, once per instance, when the channel holds what it needs. */
    private Optional<HttpRequest> renewal() {
        Optional<String> refreshToken = channel.credential("refresh_token");
        Optional<String> clientId = channel.credential("app_client_id");
        Optional<String> tokenUrl = channel.credential("app_token_url");
        if (renewed || refreshToken.isEmpty() || clientId.isEmpty() || tokenUrl.isEmpty()) {
            return Optional.empty();
        }
        renewed = true;
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken.get());
        form.put("client_id", clientId.get());
        HttpRequest.Builder request = NetworkCall.request(tokenUrl.get(), answerTimeout)
                .header("Content-Type", Forms.CONTENT_TYPE).header("Accept", "application/json");
        Optional<String> secret = channel.credential("app_client_secret");
        if (secret.isPresent() && basicClientAuth) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((clientId.get() + ":" + secret.get()).getBytes(StandardCharsets.UTF_8)));
        } else {
            secret.ifPresent(s -> form.put("client_secret", s));
        }
        return Optional.of(request.POST(Forms.body(form)).build());
    }

    /** Keeps what the token endpoint answered; true when it gave a new access token. */
    private boolean keep(NetworkCall call) {
        Optional<JsonObject> answer = call.succeeded() ? call.jsonObject() : Optional.empty();
        Optional<String> accessToken = answer.flatMap(a -> JsonPaths.text(a, "access_token"));
        if (accessToken.isEmpty()) {
            return false;
        }
        channel.renew("access_token", accessToken.get());
        // Networks that do not rotate the refresh token send none back: the one we hold stays valid.
        JsonPaths.text(answer.get(), "refresh_token").ifPresent(t -> channel.renew("refresh_token", t));
        // Without expires_in the old expiry would make every later call renew again; blank means "unknown".
        channel.renew("expires_at", JsonPaths.number(answer.get(), "expires_in")
                .map(s -> String.valueOf(Instant.now().getEpochSecond() + s)).orElse(""));
        return true;
    }
}
