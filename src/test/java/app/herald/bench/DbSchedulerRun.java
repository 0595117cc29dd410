package app.herald.bench;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * db-scheduler 16.12 on the benchmark's MariaDB database, as its documentation sets it up (its MySQL table, HikariCP,
 * 16 threads, 1 s polling): one-time tasks all due at one instant, each making the same HTTP call as Herald's
 * webhook publication. The yardstick of run (c).
 */
final class DbSchedulerRun {

    record Result(int count, long tookMillis, long databaseCpuMicrosEach, NodeFigures.Work work) {

        long perSecond() {
            return count * 1000L / Math.max(tookMillis, 1);
        }
    }

    private final String url;

    DbSchedulerRun(String url) {
        this.url = url;
    }

    Result run(String hook, int count) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(System.getProperty("it.mysql.user"));
        config.setPassword(System.getProperty("it.mysql.password"));
        config.setMaximumPoolSize(20);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE scheduled_tasks (task_name VARCHAR(100) NOT NULL, task_instance VARCHAR(100) "
                        + "NOT NULL, task_data BLOB, execution_time TIMESTAMP(6) NOT NULL, picked BOOLEAN NOT NULL, "
                        + "picked_by VARCHAR(50), last_success TIMESTAMP(6) NULL, last_failure TIMESTAMP(6) NULL, "
                        + "consecutive_failures INT, last_heartbeat TIMESTAMP(6) NULL, version BIGINT NOT NULL, "
                        + "priority SMALLINT, PRIMARY KEY (task_name, task_instance), INDEX execution_time_idx "
                        + "(execution_time), INDEX last_heartbeat_idx (last_heartbeat), INDEX "
                        + "priority_execution_time_idx (priority DESC, execution_time ASC))");
            }
            HttpClient http = HttpClient.newHttpClient();
            AtomicInteger done = new AtomicInteger();
            AtomicLong lastDone = new AtomicLong();
            OneTimeTask<Void> publish = Tasks.oneTime("publish").execute((instance, context) -> {
                try {
                    http.send(HttpRequest.newBuilder(URI.create(hook)).header("Idempotency-Key", "dbs-"
                            + instance.getId()).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.incrementAndGet();
                lastDone.set(System.currentTimeMillis());
            });
            Scheduler scheduler = Scheduler.create(pool, publish).threads(16).pollingInterval(Duration.ofSeconds(1))
                    .build();
            Instant due = Instant.now().plusSeconds(30);
            List<TaskInstance<?>> instances = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                instances.add(publish.instance("p" + i));
            }
            scheduler.scheduleBatch(instances, due);
            long databaseBefore = NodeFigures.databaseMicros();
            NodeFigures.Work workBefore = NodeFigures.work(pool);
            scheduler.start();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            while (done.get() < count && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            long databaseUsed = NodeFigures.databaseMicros() - databaseBefore;
            NodeFigures.Work work = NodeFigures.work(pool).minus(workBefore);
            scheduler.stop();
            if (done.get() != count) {
                throw new AssertionError("db-scheduler ran " + done.get() + " of " + count + " tasks");
            }
            return new Result(count, lastDone.get() - due.toEpochMilli(), databaseUsed / count, work);
        }
    }
}
