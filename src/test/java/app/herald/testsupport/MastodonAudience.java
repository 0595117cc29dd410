package app.herald.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Mastodon server on loopback for the engagement benchmark, as its API documents the two calls an inbox reading
 * makes: {@code GET /api/v1/accounts/verify_credentials} and {@code GET /api/v1/notifications} paged with
 * {@code max_id}, {@code min_id} and {@code limit} (newest first, at most 40). Every account (one per bearer token)
 * was mentioned the same number of times by a crowd of 40 fans two hours ago (a backlog: nobody is notified).
 */
public final class MastodonAudience implements AutoCloseable {

    private static final int FANS = 40;
    private static final int LARGEST_PAGE = 40;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final int mentionsPerAccount;
    private final Instant now = Instant.now();
    private final AtomicLong requests = new AtomicLong();

    public MastodonAudience(int mentionsPerAccount) throws IOException {
        this.mentionsPerAccount = mentionsPerAccount;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(threads);
        server.createContext("/api/v1/accounts/verify_credentials", exchange -> answer(exchange,
                account(token(exchange), "brand")));
        server.createContext("/api/v1/notifications", this::notifications);
        server.start();
    }

    /** The server's address, as a channel's endpoint. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public long requests() {
        return requests.get();
    }

    private void notifications(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        int limit = Math.min(LARGEST_PAGE, Integer.parseInt(query.getOrDefault("limit", "20")));
        String token = token(exchange);
        // Ids 1..N, newest first; max_id pages back from the newest, min_id gives the ones just after an id.
        StringBuilder page = new StringBuilder("[");
        if (query.containsKey("min_id")) {
            int after = Integer.parseInt(query.get("min_id"));
            int last = Math.min(mentionsPerAccount, after + limit);
            for (int id = last; id > after; id--) {
                append(page, mention(token, id));
            }
        } else {
            int below = query.containsKey("max_id") ? Integer.parseInt(query.get("max_id")) : mentionsPerAccount + 1;
            for (int id = below - 1; id >= 1 && id > below - 1 - limit; id--) {
                append(page, mention(token, id));
            }
        }
        answer(exchange, page.append(']').toString());
    }

    private String mention(String token, int id) {
        String fan = "fan" + (id % FANS);
        String at = now.minusSeconds(7_200).plusSeconds(id).toString();
        return "{\"id\":\"" + id + "\",\"type\":\"mention\",\"created_at\":\"" + at + "\",\"account\":"
                + account(fan, fan) + ",\"status\":{\"id\":\"" + id + "\",\"created_at\":\"" + at
                + "\",\"visibility\":\"public\",\"in_reply_to_id\":null,\"language\":\"en\",\"url\":\"" + url()
                + "/@" + fan + "/" + id + "\",\"content\":\"<p><span class=\\\"h-card\\\">@brand</span> "
                + "bench-sync mention " + id + " for the brand</p>\",\"account\":" + account(fan, fan)
                + ",\"mentions\":[{\"id\":\"" + token + "\",\"acct\":\"brand\"}]}}";
    }

    private static String account(String id, String acct) {
        return "{\"id\":\"" + id + "\",\"acct\":\"" + acct + "\",\"username\":\"" + acct + "\",\"display_name\":\""
                + acct + "\",\"followers_count\":12}";
    }

    private static void append(StringBuilder page, String item) {
        page.append(page.length() > 1 ? "," : "").append(item);
    }

    private static String token(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        return authorization == null ? "" : authorization.replaceFirst("^Bearer ", "");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private void answer(HttpExchange exchange, String json) throws IOException {
        requests.incrementAndGet();
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
