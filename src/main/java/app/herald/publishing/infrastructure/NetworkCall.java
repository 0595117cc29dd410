package app.herald.publishing.infrastructure;

import static app.herald.kernel.JsonSupport.JSON;

import app.herald.kernel.net.OutboundGuard;
import app.herald.kernel.net.OutboundHttp;
import app.herald.kernel.net.OutboundRefused;

import app.herald.publishing.domain.PublishResult;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;

/**
 * One HTTP exchange with a network, and the translation of its outcome that all connectors share: a connection that
 * never opened may be retried; a timeout after the request went out is unconfirmed; 429 and 5xx are retried (with the
 * network's Retry-After); 401 means the channel must be reconnected; any other 4xx is the network's refusal, in its
 * own words.
 */
public final class NetworkCall {

    private static final Logger LOG = Logger.getLogger(NetworkCall.class.getName());

    /** How long a network may take to answer one request before the attempt counts as unconfirmed. */
    public static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(20);

    private final HttpResponse<String> response;
    private final Failure failure;

    private NetworkCall(HttpResponse<String> response, Failure failure) {
        this.response = response;
        this.failure = failure;
    }

    /** A request to a network (see {@link OutboundHttp#request}). */
    public static HttpRequest.Builder request(String url) {
        return OutboundHttp.request(URI.create(url), ANSWER_TIMEOUT);
    }

    /** A request with its own answer timeout, for connectors that are tested with a short one. */
    public static HttpRequest.Builder request(String url, Duration timeout) {
        return request(url).timeout(timeout);
    }

    public static HttpRequest.BodyPublisher json(JsonObject body) {
        return HttpRequest.BodyPublishers.ofString(body.toString());
    }

    /** Sends the request; never throws for what the network does. */
    public static NetworkCall send(HttpRequest request) {
        return send(OutboundHttp.client(), request);
    }

    static NetworkCall send(HttpClient client, HttpRequest request) {
        Optional<NetworkCall> refused = refused(request);
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            return new NetworkCall(client.send(request, HttpResponse.BodyHandlers.ofString()), null);
        } catch (IOException e) {
            return failed(request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new NetworkCall(null, new Failure(true, false, false, "Herald stopped while waiting for the "
                    + "network"));
        }
    }

    /**
     * As {@link #send(HttpRequest)} without a thread waiting for the answer: the answer completes the stage on the
     * HTTP client's own threads, so what follows must move to a thread of its own. Never completes exceptionally for
     * what the network does.
     */
    public static CompletableFuture<NetworkCall> sendAsync(HttpRequest request) {
        Optional<NetworkCall> refused = refused(request);
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(refused.get());
        }
        return OutboundHttp.client().sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    if (cause == null) {
                        return new NetworkCall(response, null);
                    }
                    if (cause instanceof IOException io) {
                        return failed(request, io);
                    }
                    throw new CompletionException(cause);
                });
    }

    private static Optional<NetworkCall> refused(HttpRequest request) {
        try {
            OutboundGuard.check(request.uri());
            return Optional.empty();
        } catch (OutboundRefused refused) {
            LOG.warning(() -> "Refused to call " + request.uri().getHost() + ": " + refused.why());
            return Optional.of(new NetworkCall(null, new Failure(false, true, false, OutboundRefused.MESSAGE)));
        }
    }

    private static NetworkCall failed(HttpRequest request, IOException e) {
        if (e instanceof HttpConnectTimeoutException || e instanceof ConnectException) {
            return new NetworkCall(null, new Failure(false, false, false, "the network could not be reached ("
                    + hostOf(request) + ")"));
        }
        if (e instanceof HttpTimeoutException) {
            return new NetworkCall(null, new Failure(true, false, false, "the network took longer than "
                    + request.timeout().orElse(ANSWER_TIMEOUT).toSeconds() + " s to answer"));
        }
        // The connection broke after it opened: the request may have been read.
        return new NetworkCall(null, new Failure(true, false, true, "the connection to " + hostOf(request) + " broke: "
                + e.getMessage()));
    }

    private static String hostOf(HttpRequest request) {
        return request.uri().getHost() + (request.uri().getPort() > 0 ? ":" + request.uri().getPort() : "");
    }

    /** Why no answer came (refused by the outbound guard, unreachable, timed out, broken), in words; "" otherwise. */
    public String problem() {
        return failure == null ? "" : failure.reason();
    }

    public boolean answered() {
        return response != null;
    }

    public int status() {
        return response == null ? 0 : response.statusCode();
    }

    public boolean succeeded() {
        return response != null && status() / 100 == 2;
    }

    public String body() {
        return response == null ? "" : response.body();
    }

    public Optional<String> header(String name) {
        return response == null ? Optional.empty() : response.headers().firstValue(name);
    }

    /** The answer as a JSON object, or empty when it is not one (a malformed body). */
    public Optional<JsonObject> jsonObject() {
        if (response == null || body().isBlank()) {
            return Optional.empty();
        }
        try (JsonReader reader = JSON.createReader(new StringReader(body()))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT ? Optional.of(value.asJsonObject()) : Optional.empty();
        } catch (JsonParsingException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /**
     * What a failed exchange means for a publication. {@code networkMessage} is the network's own explanation, read by
     * the connector from its error body (may be null).
     */
    public PublishResult failure(String networkMessage) {
        if (failure != null && failure.refused()) {
            return new PublishResult.Rejected(OutboundRefused.MESSAGE + " Check the channel's address under Channels.");
        }
        if (failure != null) {
            return failure.sent()
                    ? new PublishResult.Unconfirmed("No answer: " + failure.reason() + ". Herald checks with the network "
                    + "before it tries again.", failure.broken())
                    : new PublishResult.RetryLater("Not sent: " + failure.reason() + ".");
        }
        String said = networkMessage == null || networkMessage.isBlank() ? "" : ": " + networkMessage;
        int status = status();
        if (status == 401) {
            return new PublishResult.Rejected("The network no longer accepts this channel's sign-in (token expired or "
                    + "revoked)" + said + ". Reconnect the channel, then retry.", true);
        }
        if (status == 403) {
            return new PublishResult.Rejected("The network refused the post (not allowed)" + said + ".");
        }
        if (status == 413) {
            return new PublishResult.Rejected("The network refused the media as too large" + said + ".");
        }
        if (status == 429) {
            return new PublishResult.RetryLater("The network's rate limit was reached" + said + ".", retryAfter().orElse(null),
                    true);
        }
        if (status >= 500) {
            return new PublishResult.RetryLater("The network had an error (HTTP " + status + ")" + said + ".",
                    retryAfter().orElse(null));
        }
        return new PublishResult.Rejected("The network refused the post (HTTP " + status + ")" + said + ".");
    }

    /** A 2xx answer Herald could not read: the post probably exists, so look it up rather than send it again. */
    public PublishResult unreadable() {
        return new PublishResult.Unconfirmed("The network answered HTTP " + status() + " with a body Herald could not "
                + "read. Herald checks whether the post exists before it tries again.");
    }

    /** Retry-After as seconds or as an HTTP date. */
    public Optional<Duration> retryAfter() {
        return header("Retry-After").flatMap(NetworkCall::parseRetryAfter);
    }

    static Optional<Duration> parseRetryAfter(String value) {
        String v = value.strip();
        if (v.matches("\\d{1,7}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(Instant.now(), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private record Failure(boolean sent, boolean refused, boolean broken, String reason) {
    }
}
