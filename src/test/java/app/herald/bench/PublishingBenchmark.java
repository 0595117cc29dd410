package app.herald.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.herald.kernel.crypto.TokenCipher;
import app.herald.testsupport.FakeNetwork;
import app.herald.testsupport.FakeNetwork.Answer;
import app.herald.testsupport.HeraldNode;
import app.herald.testsupport.PublishingLoad;
import app.herald.testsupport.PublishingLoad.SeededTenant;
import app.herald.testsupport.ScratchDatabase;
import com.mysql.cj.jdbc.MysqlDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The publishing benchmark (issues 5 and 14), on Herald nodes with MariaDB and a loopback network: (a) 10,000
 * publications due evenly within a minute across 200 tenants, lateness at the network; (b) 2,000 due at one instant,
 * time until all are out; (c) a network answering at once, publications per second and CPU per publication of one
 * node, then of two clustered nodes, and db-scheduler driving the same HTTP call on the same MariaDB ({@link
 * DbSchedulerRun}); (e) 1,000 posts of one client due at one instant (where a client's rounds share transactions);
 * (d, {@link #sustained}) 100,000 due over ten minutes across 2,000 tenants with a 200 ms network,
 * lateness, heap and connections. Every run also checks that each publication reached the network exactly once and
 * ended PUBLISHED. Prints one table and writes target/bench/publishing.md; {@code PublishingBenchmarkIT} runs a small
 * version in the suite.
 */
class PublishingBenchmark {

    /** How big the runs are: the full benchmark ({@code mvn -Pbench}) or the small one the suite runs. */
    record Scale(int tenants, int warmUp, int evenly, int burst, int atOnce, boolean twoNodesAndDbScheduler) {

        static final Scale FULL = new Scale(200, 2_000, 10_000, 2_000, 10_000, true);
        static final Scale SMALL = new Scale(20, 0, 0, 0, 1_000, false);
    }

    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final AtomicLong networkDelay = new AtomicLong(50);
    private final StringBuilder report = new StringBuilder();

    @Test
    void measure() throws Exception {
        write("publishing.md", run(Scale.FULL));
    }

    /**
     * Run (c) alone after the same warm-up, for looking into the node with {@code -Dherald.node.jfr=true}; writes
     * target/bench/publishing-c.md.
     */
    @Test
    void atOnce() throws Exception {
        write("publishing-c.md", run(new Scale(200, 10_000, 0, 0, 10_000, false)));
    }

    /**
     * Run (a) alone after the same warm-up as {@link #measure}, for looking into the node with
     * {@code -Dherald.node.jfr=true}; writes target/bench/publishing-a.md.
     */
    @Test
    void evenly() throws Exception {
        write("publishing-a.md", run(new Scale(200, 2_000, 10_000, 0, 0, false)));
    }

    /** The runs of {@code scale}; answers the report. Fails when a publication did not go out exactly once. */
    String run(Scale scale) throws Exception {
        byte[] key = TokenCipher.newKey();
        String keys = "bench=" + Base64.getEncoder().encodeToString(key);
        try (ScratchDatabase database = new ScratchDatabase("herald_bench"); FakeNetwork network = receiver()) {
            MysqlDataSource db = database.dataSource();
            List<SeededTenant> tenants = PublishingLoad.tenants(db, scale.tenants(), network.baseUrl() + "/hook",
                    new TokenCipher(Map.of("bench", key)));
            database.dropsWithIt(tenants);
            line("| run | publications | result |");
            line("|---|---|---|");
            serverSettings(db);
            try (HeraldNode node = HeraldNode.start("herald-bench", HeraldNode.freePort(), List.of(),
                    database.nodeEnvironment(keys), "2g")) {
                if (scale.warmUp() > 0) {
                    burst(db, tenants, scale.warmUp(), List.of(node), "warm-up (not counted)");
                    firstReadingsTaken(db);
                }
                if (scale.evenly() > 0) {
                    evenly(db, tenants, scale.evenly(), Duration.ofMinutes(1), "(a) due evenly within one minute, "
                            + scale.tenants() + " tenants, network 50 ms");
                }
                if (scale.burst() > 0) {
                    burst(db, tenants, scale.burst(), List.of(node), "(b) due at one instant, network 50 ms");
                }
                networkDelay.set(0);
                if (scale.atOnce() > 0) {
                    burst(db, tenants, scale.atOnce(), List.of(node), "(c) Herald, one node, due at one instant, "
                            + "network at once");
                }
                if (scale.twoNodesAndDbScheduler()) {
                    // (c) takes the clients in turn; here one client's posts fall due together (ADR 0030's rounds).
                    burst(db, tenants.subList(0, 1), scale.atOnce() / 10, List.of(node), "(e) Herald, one node, one "
                            + "client's posts due at one instant, network at once");
                }
            }
            if (scale.twoNodesAndDbScheduler()) {
                Map<String, String> environment = database.nodeEnvironment(keys);
                try (HeraldNode a = HeraldNode.start("herald-bench-a", HeraldNode.freePort(), List.of(6920, 6921),
                        environment, "2g");
                     HeraldNode b = HeraldNode.start("herald-bench-b", HeraldNode.freePort(), List.of(6921, 6920),
                             environment, "2g")) {
                    // As warm as the one node was before its (c): every tenant's factory open and the code compiled.
                    burst(db, tenants, scale.atOnce(), List.of(a, b), "warm-up of two nodes (not counted)");
                    burst(db, tenants, scale.atOnce(), List.of(a, b), "(c) Herald, two clustered nodes, due at one "
                            + "instant, network at once");
                }
                DbSchedulerRun.Result theirs = new DbSchedulerRun(database.url()).run(network.baseUrl() + "/hook",
                        scale.atOnce());
                line("| (c) db-scheduler 16.12, 16 threads, 1 s polling, same call | " + theirs.count()
                        + " | all done " + theirs.tookMillis() + " ms after the due instant (" + theirs.perSecond()
                        + " per second); MariaDB " + theirs.databaseCpuMicrosEach() + " µs CPU each; "
                        + theirs.work().perEach(theirs.count()) + " each |");
            }
        }
        return report.toString();
    }

    /**
     * (d): 100,000 publications due evenly over ten minutes across 2,000 tenants, the network answering in 200 ms:
     * lateness at the network, the node's live heap before and after, and its database connections throughout.
     */
    @Test
    void sustained() throws Exception {
        int tenantCount = 2_000;
        int count = 100_000;
        byte[] key = TokenCipher.newKey();
        networkDelay.set(200);
        try (ScratchDatabase database = new ScratchDatabase("herald_bench_d"); FakeNetwork network = receiver()) {
            MysqlDataSource db = database.dataSource();
            List<SeededTenant> tenants = PublishingLoad.clonedTenants(db, tenantCount, network.baseUrl() + "/hook",
                    new TokenCipher(Map.of("bench", key)));
            database.dropsWithIt(tenants);
            String user = "herald_bench_node";
            Map<String, String> environment = new HashMap<>(database.nodeEnvironmentAs(user, "bench="
                    + Base64.getEncoder().encodeToString(key)));
            environment.put("HERALD_ANALYTICS_ENABLED", "false");
            // The default bound of 300 tenant factories: publications that simply go out are started and recorded
            // in plain SQL (ADR 0034), so publishing 2,000 tenants' posts in turn no longer builds their factories
            // (about 1 MB each; until the seventh step this run kept all 2,000 open, 2.1 GB of live heap).
            line("| run | publications | result |");
            line("|---|---|---|");
            serverSettings(db);
            try (HeraldNode node = HeraldNode.start("herald-bench-d", HeraldNode.freePort(), List.of(), environment,
                    "6g")) {
                NodeFigures.awaitHealthy(node, Duration.ofMinutes(10));
                // Every tenant once, so that the heap before holds what serving 2,000 tenants takes.
                burst(db, tenants, tenantCount, List.of(node), "warm-up, one per tenant (not counted)");
                long heapBefore = NodeFigures.liveHeap(node);
                int connectionsBefore = database.connectionsOf(user);
                AtomicInteger maxConnections = new AtomicInteger();
                Thread sampler = new Thread(() -> {
                    try {
                        while (!Thread.currentThread().isInterrupted()) {
                            maxConnections.accumulateAndGet(database.connectionsOf(user), Math::max);
                            Thread.sleep(1_000);
                        }
                    } catch (InterruptedException | SQLException stopped) {
                        Thread.currentThread().interrupt();
                    }
                });
                sampler.start();
                long tablesOpenedBefore = status(db, "Opened_tables");
                try {
                    evenly(db, tenants, count, Duration.ofMinutes(10), "(d) due evenly over ten minutes, "
                            + tenantCount + " tenants, network 200 ms");
                } finally {
                    sampler.interrupt();
                    sampler.join();
                }
                long tablesOpened = status(db, "Opened_tables") - tablesOpenedBefore;
                line(String.format("| (d) tables the server opened | %,d | %,d, %.2f per publication |", count,
                        tablesOpened, tablesOpened / (double) count));
                long heapAfter = NodeFigures.liveHeap(node);
                line(String.format("| (d) memory and connections | %,d | live heap %,d MB before, %,d MB after (%+.1f%%); "
                        + "database connections %d before, at most %d during, %d after |", count,
                        heapBefore >> 20, heapAfter >> 20, 100.0 * (heapAfter - heapBefore) / heapBefore,
                        connectionsBefore, maxConnections.get(), database.connectionsOf(user)));
            }
        }
        write("publishing-sustained.md", report.toString());
    }

    /**
     * The database server's caches that schema-per-tenant fills (docs/operations.md): with thousands of tenants, a
     * table cache smaller than the tables in use makes the server open tables on every statement.
     */
    private void serverSettings(MysqlDataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT @@table_open_cache, @@table_definition_cache, "
                     + "@@innodb_open_files, @@innodb_buffer_pool_size DIV 1048576, VERSION()")) {
            row.next();
            line(String.format("| database server | | %s: table_open_cache %,d, table_definition_cache %,d, "
                    + "innodb_open_files %,d, innodb_buffer_pool_size %,d MB |", row.getString(5), row.getLong(1),
                    row.getLong(2), row.getLong(3), row.getLong(4)));
        }
    }

    private static long status(MysqlDataSource db, String variable) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SHOW GLOBAL STATUS LIKE ?")) {
            s.setString(1, variable);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? row.getLong(2) : 0;
            }
        }
    }

    private FakeNetwork receiver() throws java.io.IOException {
        FakeNetwork network = new FakeNetwork();
        network.on("POST", "/hook", r -> {
            String key = r.header("Idempotency-Key");
            arrivals.putIfAbsent(key, System.currentTimeMillis());
            deliveries.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            return Answer.json(200, "{\"id\":\"" + key + "\"}").delayed(networkDelay.get());
        });
        return network;
    }

    private void evenly(MysqlDataSource db, List<SeededTenant> tenants, int count, Duration over, String label)
            throws Exception {
        List<Instant> offsets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            offsets.add(PublishingLoad.PARKED.plusMillis(over.toMillis() * i / count));
        }
        List<String> keys = PublishingLoad.publications(db, tenants, offsets);
        Instant first = Instant.now().plusSeconds(5);
        PublishingLoad.release(db, tenants, first);
        awaitArrivals(keys, over.plusMinutes(5));
        List<Long> late = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            late.add(arrivals.get(keys.get(i)) - (first.toEpochMilli() + over.toMillis() * i / count));
        }
        Collections.sort(late);
        exactlyOnce(db, tenants, keys);
        line(String.format("| %s | %,d | lateness at the network: p50 %,d ms, p99 %,d ms, max %,d ms, min %,d ms |",
                label, count, late.get(count / 2), late.get(count * 99 / 100), late.get(count - 1), late.get(0)));
    }

    private void burst(MysqlDataSource db, List<SeededTenant> tenants, int count, List<HeraldNode> nodes, String label)
            throws Exception {
        List<String> keys = PublishingLoad.publications(db, tenants, Collections.nCopies(count, PublishingLoad.PARKED));
        Instant due = Instant.now().plusSeconds(5);
        PublishingLoad.release(db, tenants, due);
        NodeFigures.Cpu before = NodeFigures.cpu(nodes);
        NodeFigures.Work workBefore = NodeFigures.work(db);
        long last = awaitArrivals(keys, Duration.ofMinutes(5));
        // Until every answer is recorded, not only sent: recording may finish after the last arrival.
        exactlyOnce(db, tenants, keys);
        NodeFigures.Cpu used = NodeFigures.cpu(nodes).minus(before);
        NodeFigures.Work work = NodeFigures.work(db).minus(workBefore);
        long took = last - due.toEpochMilli();
        line(String.format("| %s | %,d | all at the network %,d ms after the due instant (**%,d per second**); CPU per "
                + "publication, until all are recorded: node%s %,d µs, MariaDB %,d µs; %s per publication |", label,
                count, took, count * 1000L / Math.max(took, 1), nodes.size() > 1 ? "s" : "", used.nodeMicros() / count,
                used.databaseMicros() / count, work.perEach(count)));
    }

    /**
     * Waits until the measurements the warm-up planned that fall due within two minutes have run: every channel's
     * first follower reading, a minute after its first post. A node that serves these clients measures them, and the
     * first reading of a client builds its tenant factory, which publishing no longer needs (ADR 0034): taken during
     * a counted run, those builds were most of what the node did.
     */
    private static void firstReadingsTaken(MysqlDataSource db) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM job "
                    + "WHERE queue = 'analytics' AND state IN ('QUEUED', 'CLAIMED') AND due_at < ?")) {
                s.setLong(1, Instant.now().plus(Duration.ofMinutes(2)).toEpochMilli());
                try (ResultSet row = s.executeQuery()) {
                    row.next();
                    if (row.getLong(1) == 0) {
                        return;
                    }
                }
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("The warm-up's first measurements were not taken within five minutes");
    }

    /** Waits until every key reached the network; returns the last arrival. */
    private long awaitArrivals(List<String> keys, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (keys.stream().allMatch(arrivals::containsKey)) {
                return keys.stream().mapToLong(arrivals::get).max().orElseThrow();
            }
            Thread.sleep(200);
        }
        long missing = keys.stream().filter(k -> !arrivals.containsKey(k)).count();
        throw new AssertionError(missing + " of " + keys.size() + " publications never reached the network");
    }

    /**
     * Each publication reached the network once, and all ended PUBLISHED (the receiver answers every request at once,
     * so no answer is lost and nothing has a reason to be sent again).
     */
    private void exactlyOnce(MysqlDataSource db, List<SeededTenant> tenants, List<String> keys)
            throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        Map<String, Long> states = PublishingLoad.states(db, tenants);
        while (states.values().stream().mapToLong(Long::longValue).sum() != states.getOrDefault("PUBLISHED", 0L)
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            states = PublishingLoad.states(db, tenants);
        }
        assertEquals(Map.of("PUBLISHED", states.values().stream().mapToLong(Long::longValue).sum()), states,
                "every publication ended PUBLISHED");
        List<String> repeated = keys.stream().filter(k -> arrivals.containsKey(k) && deliveriesOf(k) != 1).toList();
        assertEquals(List.of(), repeated, "each publication reached the network exactly once");
    }

    private int deliveriesOf(String key) {
        AtomicInteger count = deliveries.get(key);
        return count == null ? 0 : count.get();
    }

    private void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }

    private static void write(String file, String text) throws java.io.IOException {
        Files.writeString(Files.createDirectories(Path.of("target", "bench")).resolve(file), text);
    }
}
