package app.herald.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.herald.kernel.crypto.TokenCipher;
import app.herald.testsupport.FakeNetwork;
import app.herald.testsupport.FakeNetwork.Answer;
import app.herald.testsupport.HeraldNode;
import app.herald.testsupport.PublishingLoad;
import app.herald.testsupport.PublishingLoad.SeededTenant;
import app.herald.testsupport.ScratchDatabase;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.mysql.cj.jdbc.MysqlDataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The publishing benchmark of issue 5, on one Herald node with MariaDB and a loopback network: (a) 10,000
 * publications due evenly within a minute across 200 tenants, lateness at the network; (b) 2,000 due at one instant,
 * time until all are out; (c) a network answering at once, executions per second of Herald's dispatcher and of
 * db-scheduler driving the same HTTP call on the same MariaDB. Prints a table and writes target/bench/publishing.md.
 */
class PublishingBenchmark {

    private static final int TENANTS = 200;

    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final AtomicLong networkDelay = new AtomicLong(50);
    private final StringBuilder report = new StringBuilder();

    @Test
    void measure() throws Exception {
        byte[] key = TokenCipher.newKey();
        try (ScratchDatabase database = new ScratchDatabase("herald_bench"); FakeNetwork network = new FakeNetwork()) {
            MysqlDataSource db = database.dataSource();
            network.on("POST", "/hook", r -> {
                arrivals.putIfAbsent(r.header("Idempotency-Key"), System.currentTimeMillis());
                return Answer.json(200, "{\"id\":\"" + r.header("Idempotency-Key") + "\"}").delayed(networkDelay.get());
            });
            List<SeededTenant> tenants = PublishingLoad.tenants(db, TENANTS, network.baseUrl() + "/hook",
                    new TokenCipher(Map.of("bench", key)));
            database.dropsWithIt(tenants);
            Map<String, String> env = database.nodeEnvironment("bench=" + Base64.getEncoder().encodeToString(key));
            try (HeraldNode node = HeraldNode.start("herald-bench", HeraldNode.freePort(), List.of(), env, "2g")) {
                line("| run | publications | result |");
                line("|---|---|---|");
                burst(db, tenants, 2_000, "warm-up (not counted)");
                evenlyWithinAMinute(db, tenants);
                burst(db, tenants, 2_000, "(b) 2,000 due at one instant, network 50 ms");
                networkDelay.set(0);
                burst(db, tenants, 10_000, "(c) Herald, 10,000 due at one instant, network at once");
            }
            dbScheduler(database.url(), network.baseUrl() + "/hook", 10_000);
        }
        Path out = Files.createDirectories(Path.of("target", "bench")).resolve("publishing.md");
        Files.writeString(out, report);
        System.out.println(report);
    }

    private void evenlyWithinAMinute(MysqlDataSource db, List<SeededTenant> tenants) throws Exception {
        int count = 10_000;
        List<Instant> offsets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            offsets.add(PublishingLoad.PARKED.plusMillis(60_000L * i / count));
        }
        List<String> keys = PublishingLoad.publications(db, tenants, offsets);
        Instant first = Instant.now().plusSeconds(5);
        PublishingLoad.release(db, tenants, first);
        awaitArrivals(keys, Duration.ofMinutes(5));
        List<Long> late = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long due = first.toEpochMilli() + 60_000L * i / count;
            late.add(arrivals.get(keys.get(i)) - due);
        }
        Collections.sort(late);
        line("| (a) due evenly within one minute, 200 tenants, network 50 ms | " + count + " | lateness at the network: "
                + "p50 " + late.get(count / 2) + " ms, p99 " + late.get(count * 99 / 100) + " ms, max "
                + late.get(count - 1) + " ms, min " + late.get(0) + " ms |");
    }

    private void burst(MysqlDataSource db, List<SeededTenant> tenants, int count, String label) throws Exception {
        List<String> keys = PublishingLoad.publications(db, tenants, Collections.nCopies(count, PublishingLoad.PARKED));
        Instant due = Instant.now().plusSeconds(5);
        PublishingLoad.release(db, tenants, due);
        long last = awaitArrivals(keys, Duration.ofMinutes(5));
        long took = last - due.toEpochMilli();
        line("| " + label + " | " + count + " | all at the network " + took + " ms after the due instant ("
                + (count * 1000L / Math.max(took, 1)) + " per second) |");
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

    /** db-scheduler 16.12 on the same MariaDB: one-time tasks whose handler makes the same HTTP call. */
    private void dbScheduler(String url, String hook, int count) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(System.getProperty("it.mysql.user"));
        config.setPassword(System.getProperty("it.mysql.password"));
        config.setMaximumPoolSize(20);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                // The MySQL table of db-scheduler's documentation.
                s.execute("CREATE TABLE scheduled_tasks (task_name VARCHAR(100) NOT NULL, task_instance VARCHAR(100) NOT NULL, "
                        + "task_data BLOB, execution_time TIMESTAMP(6) NOT NULL, picked BOOLEAN NOT NULL, picked_by VARCHAR(50), "
                        + "last_success TIMESTAMP(6) NULL, last_failure TIMESTAMP(6) NULL, consecutive_failures INT, "
                        + "last_heartbeat TIMESTAMP(6) NULL, version BIGINT NOT NULL, priority SMALLINT, "
                        + "PRIMARY KEY (task_name, task_instance), INDEX execution_time_idx (execution_time), "
                        + "INDEX last_heartbeat_idx (last_heartbeat), INDEX priority_execution_time_idx (priority DESC, execution_time ASC))");
            }
            HttpClient http = HttpClient.newHttpClient();
            AtomicInteger done = new AtomicInteger();
            AtomicLong lastDone = new AtomicLong();
            OneTimeTask<Void> publish = Tasks.oneTime("publish").execute((instance, context) -> {
                try {
                    http.send(HttpRequest.newBuilder(URI.create(hook)).header("Idempotency-Key", "dbs-" + instance.getId())
                            .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.incrementAndGet();
                lastDone.set(System.currentTimeMillis());
            });
            Scheduler scheduler = Scheduler.create(pool, publish).threads(16).pollingInterval(Duration.ofSeconds(1)).build();
            Instant due = Instant.now().plusSeconds(30);
            List<TaskInstance<?>> instances = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                instances.add(publish.instance("p" + i));
            }
            scheduler.scheduleBatch(instances, due);
            scheduler.start();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            while (done.get() < count && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            scheduler.stop();
            assertEquals(count, done.get(), "db-scheduler ran every task");
            long took = lastDone.get() - due.toEpochMilli();
            line("| (c) db-scheduler 16.12, 16 threads, 1 s polling, same call | " + count + " | all done " + took
                    + " ms after the due instant (" + (count * 1000L / Math.max(took, 1)) + " per second) |");
        }
    }

    private void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }
}
