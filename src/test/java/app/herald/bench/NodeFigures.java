package app.herald.bench;

import app.herald.testsupport.HeraldNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** What the benchmarks read from the processes they run: CPU time, a node's live heap, its readiness. */
final class NodeFigures {

    private static final Pattern TOTAL = Pattern.compile("Total\\s+\\d+\\s+(\\d+)");

    private NodeFigures() {
    }

    /** CPU time used so far by the nodes together and by the database server, in microseconds. */
    record Cpu(long nodeMicros, long databaseMicros) {

        Cpu minus(Cpu earlier) {
            return new Cpu(nodeMicros - earlier.nodeMicros, databaseMicros - earlier.databaseMicros);
        }
    }

    static Cpu cpu(List<HeraldNode> nodes) {
        long node = nodes.stream().mapToLong(n -> micros(ProcessHandle.of(n.pid()))).sum();
        return new Cpu(node, micros(databaseServer()));
    }

    /** The database server's count of transactions committed and of rows-writing statements run, so far. */
    record Work(long commits, long writes) {

        Work minus(Work earlier) {
            return new Work(commits - earlier.commits, writes - earlier.writes);
        }

        String perEach(int count) {
            return String.format("%.2f commits and %.2f writing statements", (double) commits / count,
                    (double) writes / count);
        }
    }

    /**
     * The server's statement counters: COMMIT statements, and INSERT, UPDATE and DELETE statements (the benchmark's
     * own checks only read, so these are the work measured).
     */
    static Work work(DataSource dataSource) throws SQLException {
        long commits = 0;
        long writes = 0;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_commit', 'Com_insert', "
                     + "'Com_update', 'Com_delete', 'Com_insert_select')")) {
            while (rows.next()) {
                if (rows.getString(1).equalsIgnoreCase("Com_commit")) {
                    commits = rows.getLong(2);
                } else {
                    writes += rows.getLong(2);
                }
            }
        }
        return new Work(commits, writes);
    }

    /** CPU time the local MariaDB (or MySQL) server has used so far, in microseconds. */
    static long databaseMicros() {
        return micros(databaseServer());
    }

    private static Optional<ProcessHandle> databaseServer() {
        return ProcessHandle.allProcesses().filter(p -> p.info().command()
                .map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld")).orElse(false)).findFirst();
    }

    private static long micros(Optional<ProcessHandle> process) {
        return process.flatMap(p -> p.info().totalCpuDuration()).map(d -> d.toNanos() / 1_000).orElseThrow(() ->
                new IllegalStateException("No CPU time for the process (is the database server local?)"));
    }

    /** The bytes of live objects after a full collection, from the class histogram (which collects first). */
    static long liveHeap(HeraldNode node) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(node.pid()), "GC.class_histogram").redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        Matcher m = TOTAL.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("jcmd gave no histogram total:\n" + out);
        }
        return Long.parseLong(m.group(1));
    }

    static void awaitHealthy(HeraldNode node, Duration patience) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> ready = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + node.port() + "/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
            if (ready.statusCode() == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Not ready within " + patience);
    }
}
