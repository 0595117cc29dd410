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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * One node serving many tenants (issue 10): 200 and 2,000 tenants on MariaDB, each with a webhook channel. Measures
 * the start-up until the node answers and until every tenant schema is checked (/health/ready), then publishes one
 * post per tenant, so that the node opens every tenant's EntityManagerFactory, and measures the live heap after a
 * full GC and the connections the node holds (sampled from the server's process list during the run). The 2,000
 * tenants run twice: with the default bound on open tenant factories (300) and with no effective bound, which shows
 * what a factory costs. Prints a table and writes target/bench/tenants.md.
 */
class TenantScaleBenchmark {

    private record Run(String label, int tenants, long readyMillis, long healthyMillis, long heapBytes,
                       int maxConnections, int connectionsAfter, long publishMillis) {
    }

    @Test
    void memoryConnectionsAndStartUpWith200And2000Tenants() throws Exception {
        List<Run> runs = new ArrayList<>();
        runs.addAll(measure(200, List.of(Map.of())));
        runs.addAll(measure(2_000, List.of(Map.of(), Map.of("HERALD_TENANCY_MAX_FACTORIES", "5000"))));
        StringBuilder report = new StringBuilder("| run | tenants | node answers | all schemas checked | one post per "
                + "tenant published in | live heap after | connections (max during / after) |\n|---|---|---|---|---|---|---|\n");
        for (Run r : runs) {
            report.append(String.format("| %s | %,d | %.1f s | %.1f s | %.1f s | %,d MB | %d / %d |%n", r.label(),
                    r.tenants(), r.readyMillis() / 1000.0, r.healthyMillis() / 1000.0, r.publishMillis() / 1000.0,
                    r.heapBytes() / (1024 * 1024), r.maxConnections(), r.connectionsAfter()));
        }
        System.out.println(report);
        Path out = Files.createDirectories(Path.of("target", "bench")).resolve("tenants.md");
        Files.writeString(out, report);
    }

    private List<Run> measure(int count, List<Map<String, String>> settings) throws Exception {
        byte[] key = TokenCipher.newKey();
        List<Run> runs = new ArrayList<>();
        try (ScratchDatabase database = new ScratchDatabase("herald_scale"); FakeNetwork network = new FakeNetwork()) {
            MysqlDataSource db = database.dataSource();
            AtomicInteger delivered = new AtomicInteger();
            network.on("POST", "/hook", request -> {
                delivered.incrementAndGet();
                return Answer.json(200, "{\"id\":\"" + request.header("Idempotency-Key") + "\"}").delayed(50);
            });
            Instant seeding = Instant.now();
            List<SeededTenant> tenants = PublishingLoad.clonedTenants(db, count, network.baseUrl() + "/hook",
                    new TokenCipher(Map.of("scale", key)));
            database.dropsWithIt(tenants);
            System.out.println("Seeded " + count + " tenants in " + Duration.between(seeding, Instant.now()));
            for (Map<String, String> extra : settings) {
                Map<String, String> env = new HashMap<>(database.nodeEnvironment(
                        "scale=" + Base64.getEncoder().encodeToString(key)));
                env.putAll(extra);
                env.put("HERALD_ANALYTICS_ENABLED", "false");
                String label = extra.isEmpty() ? "default bound (300 factories)" : "no bound";
                Instant start = Instant.now();
                try (HeraldNode node = HeraldNode.start("herald-scale", HeraldNode.freePort(), List.of(), env, "2g")) {
                    long ready = Duration.between(start, Instant.now()).toMillis();
                    NodeFigures.awaitHealthy(node, Duration.ofMinutes(20));
                    long healthy = Duration.between(start, Instant.now()).toMillis();
                    int before = delivered.get();
                    long publishedBefore = published(db, tenants);
                    Instant due = Instant.now().plusSeconds(5);
                    List<Instant> dues = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        dues.add(due);
                    }
                    PublishingLoad.publications(db, tenants, dues);
                    int maxConnections = 0;
                    Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
                    while (published(db, tenants) < publishedBefore + count && Instant.now().isBefore(deadline)) {
                        maxConnections = Math.max(maxConnections, connections(db));
                        Thread.sleep(200);
                    }
                    long publish = Duration.between(due, Instant.now()).toMillis();
                    assertEquals(count, delivered.get() - before, "every tenant published once");
                    Thread.sleep(5_000);
                    long heap = NodeFigures.liveHeap(node);
                    runs.add(new Run(label, count, ready, healthy, heap, maxConnections, connections(db), publish));
                }
            }
        }
        return runs;
    }

    private static long published(MysqlDataSource db, List<SeededTenant> tenants) throws SQLException {
        return PublishingLoad.states(db, tenants).getOrDefault("PUBLISHED", 0L);
    }

    /** Connections the node's database user holds, less the one asking. */
    private static int connections(MysqlDataSource db) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM information_schema.processlist WHERE user = '"
                     + db.getUser() + "' AND id <> CONNECTION_ID()")) {
            r.next();
            return r.getInt(1);
        }
    }
}
