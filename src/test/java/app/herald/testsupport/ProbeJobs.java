package app.herald.testsupport;

import app.herald.identity.application.Actors;
import app.herald.jobs.application.JobHandler;
import app.herald.jobs.application.Jobs;
import app.herald.jobs.domain.Backoff;
import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.Outcome;
import app.herald.jobs.domain.QueueSettings;
import app.herald.tenancy.application.TenantRegistry;
import app.herald.tenancy.application.TenantWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A queue of the test WAR ("probe") on the real job engine, whose kinds do what the engine's tests need: write
 * through JPA and JDBC on an engine thread, fail, hit a lock conflict, wait to be stopped, or hold on while its lease
 * is taken. What each attempt saw is kept per subject for the test to read.
 */
@ApplicationScoped
public class ProbeJobs implements JobHandler {

    public static final String QUEUE = "probe";
    /** Retries wait this long after an error, so that "retried at once" and "after backoff" tell apart. */
    public static final Duration BACKOFF = Duration.ofSeconds(3);

    /** What the attempts at a subject saw, in order. */
    public static final Map<Long, List<String>> SEEN = new ConcurrentHashMap<>();
    /** Attempts of kind HOLD wait on these before finishing. */
    public static final Map<Long, CountDownLatch> GATES = new ConcurrentHashMap<>();

    @Inject
    AtomicityProbe probe;
    @Inject
    TenantWork work;
    @Inject
    TenantRegistry registry;
    @Inject
    Actors actors;
    @Inject
    Jobs jobs;
    @Inject
    ProbeSteps steps;

    @Override
    public String queue() {
        return QUEUE;
    }

    @Override
    public QueueSettings settings() {
        return QueueSettings.of(3, Duration.ofSeconds(3)).pollEvery(Duration.ofMillis(200))
                .retries(3, new Backoff(BACKOFF, BACKOFF));
    }

    public static List<String> seen(long subject) {
        return SEEN.getOrDefault(subject, List.of());
    }

    private static void see(Job job, String what) {
        SEEN.computeIfAbsent(job.subjectId(), s -> new CopyOnWriteArrayList<>()).add(what);
    }

    @Override
    public Outcome run(Job job) {
        see(job, "attempt " + job.attempts() + " at " + System.currentTimeMillis());
        String mark = "p" + job.subjectId();
        switch (job.kind()) {
            case "ROLLBACK_AFTER_FLUSH" -> {
                try {
                    inAcme(job, () -> probe.writeBothThenRollBackAfterTheFlush(mark));
                } catch (RuntimeException expected) {
                    see(job, "rolled back");
                }
                return Outcome.done();
            }
            case "THROW_AFTER_WRITING" -> {
                try {
                    inAcme(job, () -> probe.writeBothThenFail(mark));
                } catch (RuntimeException expected) {
                    see(job, "thrown");
                }
                return Outcome.done();
            }
            case "FAIL_AT_COMMIT" -> {
                try {
                    inAcme(job, () -> probe.writeJdbcThenFailAtCommit(mark));
                } catch (RuntimeException expected) {
                    see(job, "commit failed");
                }
                return Outcome.done();
            }
            case "CONNECTION_IDS" -> {
                long[] ids = work.here(owner(), acme(), ref -> probe.connectionIds(AtomicityProbe.idFunction()));
                see(job, "ids " + ids[0] + " " + ids[1]);
                return Outcome.done();
            }
            case "SLOW" -> {
                try {
                    Thread.sleep(150);
                } catch (InterruptedException e) {
                    see(job, "stopped");
                }
                return Outcome.done();
            }
            case "FAIL" -> throw new IllegalStateException("the probe fails on purpose");
            case "LOCK_CONFLICT" -> {
                if (job.attempts() == 1) {
                    throw new IllegalStateException("wrapped", new SQLException("Deadlock found", "40001", 1213));
                }
                return Outcome.done("second attempt");
            }
            case "WAIT_TO_BE_STOPPED" -> {
                try {
                    Thread.sleep(30_000);
                    see(job, "not stopped");
                } catch (InterruptedException e) {
                    see(job, "stopped");
                }
                return Outcome.done("should not be recorded");
            }
            case "HOLD" -> {
                if (job.attempts() == 1) {
                    try {
                        GATES.computeIfAbsent(job.subjectId(), s -> new CountDownLatch(1)).await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        see(job, "first attempt stopped");
                    }
                    try {
                        steps.finish(job, Outcome.done("first attempt"));
                        see(job, "first attempt finished");
                    } catch (Jobs.LeaseLost e) {
                        see(job, "first attempt refused");
                    }
                    return Outcome.done("first attempt, returned");
                }
                steps.finish(job, Outcome.done("attempt " + job.attempts()));
                see(job, "attempt " + job.attempts() + " finished");
                return Outcome.done("attempt " + job.attempts() + ", returned");
            }
            default -> {
                return Outcome.dead("unknown probe kind " + job.kind());
            }
        }
    }

    private app.herald.identity.domain.Actor owner() {
        return actors.byEmail(Demo.NORTHWIND_OWNER).orElseThrow();
    }

    private long acme() {
        return registry.all().stream().filter(t -> t.getName().equals(Demo.ACME)).findFirst().orElseThrow().getId();
    }

    private void inAcme(Job job, Runnable write) {
        work.here(owner(), acme(), ref -> {
            write.run();
            return null;
        });
    }
}
