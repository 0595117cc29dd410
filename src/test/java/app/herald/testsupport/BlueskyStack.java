package app.herald.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Bluesky's own servers from npm, started on loopback for a test class: the reference PDS alone ({@code pds.mjs}), or
 * the whole network with the AppView that serves notifications and threads ({@code network.mjs}, on this machine's
 * PostgreSQL). The launcher stops when its standard input closes, so a test run that dies leaves nothing running.
 * Accounts are made the way a person makes them: sign up, then an app password for Herald.
 */
public final class BlueskyStack implements AutoCloseable {

    private static final Path LAUNCHERS = Path.of("src", "test", "node", "bluesky");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** An account on the PDS: the password it signed up with, an app password for Herald, and a session's token. */
    public record Account(String handle, String did, String password, String appPassword, String accessJwt) {
    }

    private final Process process;
    private final String pds;
    private final String appView;

    private BlueskyStack(Process process, String pds, String appView) {
        this.process = process;
        this.pds = pds;
        this.appView = appView;
    }

    /** The PDS with an in-memory PLC directory; it closes kept-alive connections after {@code keepAliveMillis}. */
    public static BlueskyStack pdsOnly(long keepAliveMillis) throws Exception {
        return start("pds.mjs", Map.of("PDS_KEEP_ALIVE_MILLIS", Long.toString(keepAliveMillis)), 90);
    }

    /** PLC, PDS and AppView, as Bluesky's own dev-env runs them. */
    public static BlueskyStack network() throws Exception {
        return start("network.mjs", Map.of("REDIS_HOST", "127.0.0.1:6379"), 180);
    }

    private static BlueskyStack start(String launcher, Map<String, String> environment, int seconds) throws Exception {
        if (!Files.isDirectory(LAUNCHERS.resolve("node_modules"))) {
            throw new IllegalStateException("Bluesky's servers are not installed: run 'npm install --prefix "
                    + LAUNCHERS + "' (the build does it in process-test-resources).");
        }
        ProcessBuilder builder = new ProcessBuilder("node", launcher).directory(LAUNCHERS.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(environment);
        builder.environment().put("LOG_ENABLED", "false");
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("READY ")) {
                        return line;
                    }
                }
                return launcher + " ended before it was ready";
            } catch (IOException e) {
                return e.toString();
            }
        }).get(seconds, TimeUnit.SECONDS);
        if (!ready.startsWith("READY ")) {
            process.destroyForcibly();
            throw new IllegalStateException(ready);
        }
        String[] urls = ready.substring("READY ".length()).strip().split(" ");
        String pds = urls[0].startsWith("http") ? urls[0] : "http://localhost:" + urls[0];
        return new BlueskyStack(process, pds, urls.length > 1 ? urls[1] : null);
    }

    public String pds() {
        return pds;
    }

    public Optional<String> appView() {
        return Optional.ofNullable(appView);
    }

    /** A new account with a handle under .test, and an app password named Herald. */
    public Account account(String name) throws Exception {
        String handle = name + "-" + UUID.randomUUID().toString().substring(0, 6) + ".test";
        String password = "pw-" + UUID.randomUUID();
        JsonObject created = post("com.atproto.server.createAccount", null, Json.createObjectBuilder()
                .add("handle", handle).add("email", name + "@herald.test").add("password", password).build());
        JsonObject appPassword = post("com.atproto.server.createAppPassword", created.getString("accessJwt"),
                Json.createObjectBuilder().add("name", "Herald").build());
        return new Account(handle, created.getString("did"), password, appPassword.getString("password"),
                created.getString("accessJwt"));
    }

    public JsonObject post(String method, String token, JsonObject body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(pds + "/xrpc/" + method))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return answer(method, CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    public JsonObject get(String methodAndQuery, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(pds + "/xrpc/" + methodAndQuery)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return answer(methodAndQuery, CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /**
     * Asks again until the answer satisfies the condition: the AppView indexes what the PDS wrote within about a
     * second, not at once.
     */
    public JsonObject until(String methodAndQuery, String token, Predicate<JsonObject> done) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonObject last = get(methodAndQuery, token);
        while (!done.test(last) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            last = get(methodAndQuery, token);
        }
        if (!done.test(last)) {
            throw new AssertionError("Still not there after 20 s: " + methodAndQuery + " answered " + last);
        }
        return last;
    }

    private static JsonObject answer(String what, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError(what + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
