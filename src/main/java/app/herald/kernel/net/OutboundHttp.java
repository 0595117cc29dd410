package app.herald.kernel.net;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ForkJoinPool;
import java.util.logging.Logger;

/**
 * The HTTP client of every call Herald makes to an address it was given (networks, webhook receivers, identity
 * providers): each request passes {@link OutboundGuard} first, and redirects are never followed, so the address
 * checked is the address called.
 */
public final class OutboundHttp {

    /** The JDK's own setting (seconds) for how long an idle HTTP/1.1 connection is kept for reuse; default 1,200. */
    static final String KEEP_ALIVE_PROPERTY = "jdk.httpclient.keepalive.timeout";

    static {
        // Herald lets go of an idle connection after 4 s, before servers let go of theirs (Node and Apache after 5 s,
        // nginx after 75 s). Otherwise a server may close an idle connection just as Herald sends a post on it, and
        // the post becomes unconfirmed (looked up later, never sent twice, but late). The JDK reads this once, when
        // its connection pool is first used; an operator's own -D setting wins.
        if (System.getProperty(KEEP_ALIVE_PROPERTY) == null) {
            System.setProperty(KEEP_ALIVE_PROPERTY, "4");
        }
    }

    /** The JDK's own setting for how many threads its common pool has; by default one less than the processors. */
    static final String COMMON_POOL_PROPERTY = "java.util.concurrent.ForkJoinPool.common.parallelism";

    static {
        // The client completes every answer on CompletableFuture's default pool. With a common pool of one thread
        // (two processors or fewer) that "pool" starts a new thread per task: a thread per network answer, about a
        // quarter of the publishing benchmark node's CPU. Only the JVM's command line can change it.
        if (ForkJoinPool.getCommonPoolParallelism() < 2) {
            Logger.getLogger(OutboundHttp.class.getName()).warning("This machine has "
                    + Runtime.getRuntime().availableProcessors() + " processor(s): the JDK's HTTP client starts a "
                    + "thread for every answer from a network. Start Java with -D" + COMMON_POOL_PROPERTY
                    + "=2 (see docs/operations.md).");
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private OutboundHttp() {
    }

    public static HttpClient client() {
        return CLIENT;
    }

    /**
     * A request to an outside address. Plain http gets HTTP/1.1 without an upgrade attempt: Node servers with
     * WebSocket support (Bluesky's reference PDS, many webhook receivers) close the connection on an h2c upgrade;
     * https negotiates HTTP/2 through ALPN as usual.
     */
    public static HttpRequest.Builder request(java.net.URI uri, Duration answerTimeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(answerTimeout)
                .header("User-Agent", "Herald/1.0");
        return "http".equalsIgnoreCase(uri.getScheme()) ? builder.version(HttpClient.Version.HTTP_1_1) : builder;
    }

    /** Sends after the guard's check; throws {@link OutboundRefused} for an address Herald must not call. */
    public static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        OutboundGuard.check(request.uri());
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
