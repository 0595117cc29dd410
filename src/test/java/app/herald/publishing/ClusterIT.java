package app.herald.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.herald.publishing.infrastructure.TokenCipher;
import app.herald.testsupport.FakeNetwork;
import app.herald.testsupport.FakeNetwork.Answer;
import app.herald.testsupport.HeraldNode;
import app.herald.testsupport.PublishingLoad;
import app.herald.testsupport.PublishingLoad.SeededTenant;
import com.mysql.cj.jdbc.MysqlDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two Herald nodes in a Payara cluster on loopback share one MariaDB database; 1,000 publications across 50 tenants
 * fall due within a minute to a webhook receiver that, like every network honouring an idempotency key, keeps one
 * post per key. One node is killed with SIGKILL in the middle. At the end every publication is PUBLISHED, the
 * network holds exactly one post for each, and none is missing. Runs in the MariaDB pass only: the lock-free claim
 * under test (SKIP LOCKED) is MySQL's and MariaDB's.
 */
class ClusterIT {

    private static final int TENANTS = 50;
    private static final int PUBLICATIONS = 1_000;

    @Test
    void aThousandPublicationsGoOutOnceAcrossTwoNodesWhileOneIsKilled() throws Exception {
        assumeTrue("mysql".equals(System.getenv("HERALD_IT_DATABASE")), "runs in the MariaDB pass");
        String database = "herald_cluster_" + System.currentTimeMillis();
        String host = System.getProperty("it.mysql.host");
        try (Connection admin = DriverManager.getConnection("jdbc:mysql://" + host + "/?useSSL=false&allowPublicKeyRetrieval=true",
                System.getProperty("it.mysql.admin-user"), System.getProperty("it.mysql.admin-password", ""));
             Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE `" + database + "`");
        }
        String url = "jdbc:mysql://" + host + "/" + database + "?useSSL=false&allowPublicKeyRetrieval=true";
        MysqlDataSource db = new MysqlDataSource();
        db.setUrl(url);
        db.setUser(System.getProperty("it.mysql.user"));
        db.setPassword(System.getProperty("it.mysql.password"));
        PublishingLoad.migratePlatform(db);
        byte[] key = TokenCipher.newKey();
        TokenCipher cipher = new TokenCipher(Map.of("load", key));

        Map<String, String> network = new ConcurrentHashMap<>();
        AtomicInteger deliveries = new AtomicInteger();
        List<SeededTenant> tenants = new ArrayList<>();
        List<HeraldNode> nodes = new ArrayList<>();
        try (FakeNetwork receiver = new FakeNetwork()) {
            receiver.on("POST", "/hook", request -> {
                deliveries.incrementAndGet();
                String id = network.computeIfAbsent(request.header("Idempotency-Key"), k -> "post-" + network.size());
                return Answer.json(200, "{\"id\":\"" + id + "\"}").delayed(50);
            });
            tenants.addAll(PublishingLoad.tenants(db, TENANTS, receiver.baseUrl() + "/hook", cipher));

            Map<String, String> env = Map.of("DB_CLASS_NAME", "com.mysql.cj.jdbc.MysqlDataSource", "DB_URL", url,
                    "DB_USER", db.getUser(), "DB_PASSWORD", System.getProperty("it.mysql.password"),
                    "HERALD_DEMO", "false", "HERALD_TOKEN_KEYS", "load=" + Base64.getEncoder().encodeToString(key),
                    "HERALD_PUBLISH_LEASE_SECONDS", "10", "MAIL_DELIVERY", "outbox",
                    "HERALD_DATA_DIR", "target/nodes/" + database);
            HeraldNode a = HeraldNode.start("herald-a", freePort(), List.of(6910, 6911), env);
            nodes.add(a);
            nodes.add(HeraldNode.start("herald-b", freePort(), List.of(6911, 6910), env));
            awaitLog(a, "DG Size: 2", Duration.ofSeconds(60));

            Instant first = Instant.now().plusSeconds(10);
            List<Instant> dues = new ArrayList<>();
            for (int i = 0; i < PUBLICATIONS; i++) {
                dues.add(first.plusMillis(60_000L * i / PUBLICATIONS));
            }
            List<String> keys = PublishingLoad.publications(db, tenants, dues);

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
            System.out.printf("Cluster test: %d published before the kill, %d deliveries for %d posts (%d resent with "
                    + "the same key after the takeover)%n", publishedBeforeKill, deliveries.get(), network.size(),
                    deliveries.get() - network.size());
        } finally {
            nodes.forEach(HeraldNode::close);
            PublishingLoad.drop(db, tenants);
            try (Connection admin = DriverManager.getConnection("jdbc:mysql://" + host + "/?useSSL=false&allowPublicKeyRetrieval=true",
                    System.getProperty("it.mysql.admin-user"), System.getProperty("it.mysql.admin-password", ""));
                 Statement sql = admin.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS `" + database + "`");
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
