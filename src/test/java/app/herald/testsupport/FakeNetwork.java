package app.herald.testsupport;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A network's API on loopback for contract tests: records every request it receives and answers each path with what
 * the test scripted. A request to a path nobody scripted gets 404, so a connector calling the wrong address fails.
 */
public final class FakeNetwork implements AutoCloseable {

    /** One request as the network received it. */
    public record Received(String method, String path, String query, Headers headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** A scripted answer. {@code delayMillis} holds the answer back, to make the client time out after sending. */
    public record Answer(int status, String body, Map<String, String> headers, long delayMillis) {
        public static Answer json(int status, String body) {
            return new Answer(status, body, Map.of("Content-Type", "application/json"), 0);
        }

        public Answer withHeader(String name, String value) {
            Map<String, String> all = new java.util.HashMap<>(headers);
            all.put(name, value);
            return new Answer(status, body, Map.copyOf(all), delayMillis);
        }

        public Answer delayed(long millis) {
            return new Answer(status, body, headers, millis);
        }

        /**
         * No answer at all: the connection is closed once the request was read, as a server does that closes a
         * kept-alive connection at the moment a request arrives on it.
         */
        public static Answer dropped() {
            return new Answer(-1, null, Map.of(), 0);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Received, Answer>> routes = new ConcurrentHashMap<>();

    /** Closes the connection, answering nothing, when a request asks to upgrade it (as Node servers do on h2c). */
    private volatile boolean refusesUpgrades;

    public FakeNetwork() {
        this(InetAddress.getLoopbackAddress());
    }

    /** A network listening on another address, such as 127.0.0.2 (inside the loopback range the guard refuses). */
    public FakeNetwork(InetAddress address) {
        try {
            server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** http://address:port (127.0.0.1 unless made on another address), without a trailing slash. */
    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /**
     * Behaves like a Node server with WebSocket support (Bluesky's reference PDS, many webhook receivers): a request
     * carrying {@code Upgrade} (the JDK client's h2c attempt on plain http) gets its connection closed unanswered.
     */
    public FakeNetwork refusingUpgrades() {
        refusesUpgrades = true;
        return this;
    }

    /** Answers "METHOD /path" (path without query) with the given function of the request. */
    public FakeNetwork on(String method, String path, Function<Received, Answer> answer) {
        routes.put(method + " " + path, answer);
        return this;
    }

    public FakeNetwork on(String method, String path, Answer answer) {
        return on(method, path, r -> answer);
    }

    /**
     * Answers "METHOD /path" only once the returned action runs (or after a minute): shows that a caller went on
     * without waiting for the network.
     */
    public Runnable holding(String method, String path, Answer answer) {
        java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);
        on(method, path, r -> {
            try {
                released.await(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return answer;
        });
        return released::countDown;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String method, String path) {
        return received.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (refusesUpgrades && exchange.getRequestHeaders().containsKey("Upgrade")) {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), new byte[0]));
            exchange.getResponseBody().close();
            exchange.close();
            return;
        }
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body);
            received.add(request);
            Function<Received, Answer> route = routes.get(request.method() + " " + request.path());
            Answer answer = route == null ? Answer.json(404, "{\"error\":\"not found\"}") : route.apply(request);
            if (answer.status() < 0) {
                exchange.getResponseBody().close();
                return;
            }
            if (answer.delayMillis() > 0) {
                try {
                    Thread.sleep(answer.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] out = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream stream = exchange.getResponseBody()) {
                    stream.write(out);
                }
            }
        } catch (IOException e) {
            // The client gave up (a timeout test): nothing more to answer.
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
