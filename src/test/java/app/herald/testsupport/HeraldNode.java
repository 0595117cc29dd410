package app.herald.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Herald node as operations would run it: Payara Micro in its own process with the built WAR, configured through
 * environment variables, optionally in a Hazelcast cluster on loopback. {@link #kill()} is SIGKILL: no shutdown hook,
 * no chance to release anything, as when a machine dies.
 */
public final class HeraldNode implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private HeraldNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a node. {@code clusterPorts} are the Hazelcast ports of all members (this node's first); empty for a
     * single node without cluster.
     */
    public static HeraldNode start(String name, int port, List<Integer> clusterPorts, Map<String, String> env)
            throws IOException {
        return start(name, port, clusterPorts, env, "1g");
    }

    /** As {@link #start(String, int, List, Map)} with the given maximum heap, such as "2g". */
    public static HeraldNode start(String name, int port, List<Integer> clusterPorts, Map<String, String> env,
                                   String heap) throws IOException {
        String jar = System.getProperty("payara.microJar");
        String war = System.getProperty("herald.war", "target/herald.war");
        if (jar == null || !new File(jar).isFile()) {
            throw new IllegalStateException("payara.microJar is not set to Payara Micro's jar (run through Maven)");
        }
        // The common pool's size as docs/operations.md recommends for machines of two processors, like this one.
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + heap, "-Xlog:gc:file=" + Path.of("target", "nodes", name + "-gc.log"), "-XX:+UseSerialGC",
                "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2", "-jar", jar, "--deploy", war,
                "--contextroot", "/", "--port", String.valueOf(port), "--name", name));
        if (!System.getProperty("herald.node.jvm-options", "").isBlank()) {
            // -Dherald.node.jvm-options="-D... -XX:..." adds options to the node's JVM, for trying a setting.
            command.addAll(1, List.of(System.getProperty("herald.node.jvm-options").trim().split("\\s+")));
        }
        if (Boolean.getBoolean("herald.node.jfr")) {
            // -Dherald.node.jfr=true profiles the node with Flight Recorder, for looking into a benchmark.
            command.add(1, "-XX:StartFlightRecording=filename=" + Path.of("target", "nodes", name + ".jfr")
                    + ",settings=profile,dumponexit=true");
        }
        if (clusterPorts.isEmpty()) {
            command.add("--nocluster");
        } else {
            StringBuilder members = new StringBuilder();
            clusterPorts.forEach(p -> members.append(members.length() == 0 ? "" : ",").append("127.0.0.1:").append(p));
            command.addAll(List.of("--clusterName", "herald-load", "--clusterMode", "tcpip:" + members,
                    "--interfaces", "127.0.0.1", "--startport", String.valueOf(clusterPorts.get(0))));
        }
        Path log = Files.createDirectories(Path.of("target", "nodes")).resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        HeraldNode node = new HeraldNode(name, port, builder.start(), log);
        node.awaitReady(Duration.ofMinutes(4));
        return node;
    }

    private void awaitReady(Duration patience) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting; see " + log);
            }
            try {
                HttpResponse<String> ready = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/login.xhtml")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // The server is not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException(name + " was not ready within " + patience + "; see " + log);
    }

    /** A port nobody listens on now, for a node's HTTP listener. */
    public static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** SIGKILL. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String logText() throws IOException {
        return Files.readString(log);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
