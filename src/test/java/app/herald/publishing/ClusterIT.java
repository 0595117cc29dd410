package app.herald.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.herald.kernel.crypto.TokenCipher;
import app.herald.testsupport.FakeNetwork;
import app.herald.testsupport.FakeNetwork.Answer;
import app.herald.testsupport.HeraldNode;
import app.herald.testsupport.PublishingLoad;
import app.herald.testsupport.PublishingLoad.SeededTenant;
import app.herald.testsupport.ScratchDatabase;
import com.mysql.cj.jdbc.MysqlDataSource;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two Herald nodes in a Payara cluster on loopback share one MariaDB database; 1,000 publications across 50 tenants
 * fall due within a minute to a webhook receiver that, like every network honouring an idempotency key, keeps one
 * post per key. Early in the burst the database cuts every connection of one node for ten seconds (KILL CONNECTION,
 * again and again); later the other node is killed with SIGKILL. At the end every publication is PUBLISHED, the
 * network holds exactly one post for each, and none is missing. Runs in the MariaDB pass only: the lock-free claim
 * under test (SKIP LOCKED) is MySQL's and MariaDB's.
 */
class ClusterIT {

    private static final int TENANTS = 50;
    private static final int PUBLICATIONS = 1_000;
    private static final String NODE_B_USER = "herald_it_node_b";

    @Test
    void aThousandPublicationsGoOutOnceAcrossTwoNodesWhileOneLosesItsDatabaseAndTheOtherIsKilled() throws Exception {
        assumeTrue("mysql".equals(System.getenv("HERALD_IT_DATABASE")), "runs in the MariaDB pass");
        byte[] key = TokenCipher.newKey();
        TokenCipher cipher = new TokenCipher(Map.of("load", key));
        Map<String, String> network = new ConcurrentHashMap<>();
        AtomicInteger deliveries = new AtomicInteger();
        List<HeraldNode> nodes = new ArrayList<>();
        // Nodes stop before the database is dropped: the node list is closed in the inner finally.
        try (ScratchDatabase database = new ScratchDatabase("herald_cluster");
             FakeNetwork receiver = new FakeNetwork()) {
            MysqlDataSource db = database.dataSource();
            try {
                receiver.on("POST", "/hook", request -> {
                    deliveries.incrementAndGet();
                    String id = network.computeIfAbsent(request.header("Idempotency-Key"), k -> "post-" + network.size());
                    return Answer.json(200, "{\"id\":\"" + id + "\"}").delayed(50);
                });
                List<SeededTenant> tenants = PublishingLoad.tenants(db, TENANTS, receiver.baseUrl() + "/hook", cipher);
                database.dropsWithIt(tenants);

                Map<String, String> env = new HashMap<>(database.nodeEnvironment(
                        "load=" + Base64.getEncoder().encodeToString(key)));
                env.put("HERALD_PUBLISH_LEASE_SECONDS", "10");
                HeraldNode a = HeraldNode.start("herald-a", HeraldNode.freePort(), List.of(6910, 6911), env);
                nodes.add(a);
                Map<String, String> envB = database.nodeEnvironmentAs(NODE_B_USER, "load=" + Base64.getEncoder()
                        .encodeToString(key));
                envB.put("HERALD_PUBLISH_LEASE_SECONDS", "10");
                HeraldNode b = HeraldNode.start("herald-b", HeraldNode.freePort(), List.of(6911, 6910), envB);
                nodes.add(b);
                awaitLog(a, "DG Size: 2", Duration.ofSeconds(60));

                Instant first = Instant.now().plusSeconds(10);
                List<Instant> dues = new ArrayList<>();
                for (int i = 0; i < PUBLICATIONS; i++) {
                    dues.add(first.plusMillis(60_000L * i / PUBLICATIONS));
                }
                List<String> keys = PublishingLoad.publications(db, tenants, dues);

                sleepUntil(first.plusSeconds(5));
                long publishedBeforeCut = PublishingLoad.states(db, tenants).getOrDefault("PUBLISHED", 0L);
                int cut = 0;
                Instant cutUntil = Instant.now().plusSeconds(10);
                while (Instant.now().isBefore(cutUntil)) {
                    cut += database.cutConnectionsOf(NODE_B_USER);
                    Thread.sleep(50);
                }
                assertTrue(cut > 0, "node b held connections to cut");
                // Node a is killed next: what is left after that, node b publishes alone, so it must have recovered.

                sleepUntil(first.plusSeconds(25));
                long publishedBeforeKill = PublishingLoad.states(db, tenants).getOrDefault("PUBLISHED", 0L);
                a.kill();
                assertTrue(publishedBeforeKill > 0 && publishedBeforeKill < PUBLICATIONS,
                        "the node died in the middle: " + publishedBeforeKill + " published before");

                Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
                Map<String, Long> states = PublishingLoad.states(db, tenants);
                while (states.getOrDefault("PUBLISHED", 0L) < PUBLICATIONS && Instant.now().isBefore(deadline)) {
                    Thread.sleep(1_000);
                    states = PublishingLoad.states(db, tenants);
                }
                assertEquals(Map.of("PUBLISHED", (long) PUBLICATIONS), states, "every publication published, none failed");
                assertEquals(new HashSet<>(keys), network.keySet(), "the network holds each publication, none missing");
                assertEquals(PUBLICATIONS, network.size(), "one post per publication at the network");
                System.out.printf("Cluster test: %d published before node b's connections were cut (%d cut in 10 s), "
                        + "%d before node a was killed, %d deliveries for %d posts (%d resent with the same key after "
                        + "a takeover)%n", publishedBeforeCut, cut, publishedBeforeKill, deliveries.get(), network.size(),
                        deliveries.get() - network.size());
            } finally {
                nodes.forEach(HeraldNode::close);
            }
        }
    }

    private static void awaitLog(HeraldNode node, String text, Duration patience) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (!node.logText().contains(text)) {
            assertTrue(Instant.now().isBefore(deadline), node.name() + " never logged \"" + text + "\"");
            Thread.sleep(500);
        }
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long wait = Duration.between(Instant.now(), when).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
