package app.herald.jobs.application;

import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.Outcome;
import app.herald.jobs.infrastructure.JobClaims;
import app.herald.jobs.infrastructure.JobStore;
import app.herald.kernel.sql.PlatformSchema;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every node's one job engine. For each queue (one {@link JobHandler} each) it claims due jobs with a lease, starts
 * each at its due instant on the queue's bounded pool, renews the leases of what it holds on a schedule of its own
 * (an attempt whose renewal fails or whose job was taken over is stopped), records each attempt's outcome fenced by
 * its claim token, retries failures with backoff and gives up (dead) after the queue's attempts, purges finished jobs
 * and keeps the queue figures on /metrics. The table, not this node, holds what is due: any node may die at any time.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobEngine {

    private static final Logger LOG = Logger.getLogger(JobEngine.class.getName());
    private static final Duration COUNT_EVERY = Duration.ofSeconds(10);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);
    private static final Duration LATE = Duration.ofMinutes(1);
    private static final int PURGE_BATCH = 1000;

    @Inject
    @Any
    Instance<JobHandler> handlers;
    @Inject
    JobStore store;
    @Inject
    JobClaims claims;
    @Inject
    JobMetrics metrics;
    @Inject
    RecordedAttempts recorded;
    @Inject
    PlatformSchema platform;
    @Resource
    ManagedThreadFactory threads;
    @Inject
    @ConfigProperty(name = "herald.jobs.enabled", defaultValue = "true")
    boolean enabled;
    @Inject
    @ConfigProperty(name = "herald.jobs.keep-done-days", defaultValue = "7")
    int keepDoneDays;
    @Inject
    @ConfigProperty(name = "herald.jobs.keep-dead-days", defaultValue = "30")
    int keepDeadDays;

    private final String node = nodeName();
    private final Map<String, Lane> lanes = new LinkedHashMap<>();
    private ScheduledThreadPoolExecutor clock;
    private volatile boolean recurringPlanned;

    @PostConstruct
    void start() {
        for (JobHandler handler : handlers) {
            if (lanes.containsKey(handler.queue())) {
                throw new IllegalStateException("Two job handlers for queue " + handler.queue());
            }
            Lane lane = new Lane(handler, threads);
            lanes.put(lane.queue, lane);
            metrics.register(lane.queue, lane.held::size);
        }
        clock = new ScheduledThreadPoolExecutor(2, threads);
        for (Lane lane : lanes.values()) {
            every(lane.settings.pollEvery(), "claiming " + lane.queue, () -> claim(lane));
            every(lane.settings.lease().dividedBy(3), "renewing " + lane.queue, () -> renew(lane));
        }
        every(COUNT_EVERY, "counting jobs", this::count);
        every(PURGE_EVERY, "purging jobs", this::purge);
        LOG.info(() -> "Job engine on node " + node + (enabled ? "" : " (disabled)") + ": " + String.join(", ",
                lanes.values().stream().map(l -> l.queue + " (" + l.settings.concurrency() + " threads"
                        + (l.settings.enabled() ? "" : ", disabled") + ")").toList()));
    }

    @PreDestroy
    void stop() {
        // Attempts not finished keep their claims; their leases run out and another node (or this one) takes them.
        clock.shutdownNow();
        lanes.values().forEach(lane -> lane.pool.shutdownNow());
    }

    /** Claims now rather than at the next poll (a test, or work just planned for now). */
    public void claimNow(String queue) {
        Lane lane = lanes.get(queue);
        if (lane != null) {
            claim(lane);
        }
    }

    /**
     * Looks for due jobs of the queue soon, on the engine's own thread, rather than at the next poll: work planned for
     * now (an answer released, a channel that says something new) starts without waiting up to a poll interval.
     */
    public void wake(String queue) {
        Lane lane = lanes.get(queue);
        if (lane != null) {
            try {
                clock.execute(() -> safely("claiming " + queue, () -> claim(lane)));
            } catch (RejectedExecutionException stopping) {
                // The node is stopping; the job stays due for any node.
            }
        }
    }

    /** Purges now rather than at the next round (a test, or an operator after a backlog). */
    public void purgeNow() {
        purge();
    }

    private void every(Duration interval, String what, Runnable work) {
        long millis = Math.max(100, interval.toMillis());
        clock.scheduleWithFixedDelay(() -> safely(what, work), 0, millis, TimeUnit.MILLISECONDS);
    }

    private static void safely(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Job engine: " + what + " failed; it runs again shortly", e);
        }
    }

    private boolean active(Lane lane) {
        return enabled && lane.settings.enabled() && platform.isReady();
    }

    /** Claims until the lane holds as much as it may or nothing more falls due within its look-ahead. */
    private void claim(Lane lane) {
        if (!active(lane) || !lane.claiming.compareAndSet(false, true)) {
            return;
        }
        try {
            planRecurring();
            while (true) {
                int room = lane.room();
                if (room <= 0) {
                    lane.backlog = true;
                    return;
                }
                long claimedAt = System.nanoTime();
                Instant horizon = Instant.now().plus(lane.settings.lookahead());
                List<Job> jobs = claims.claim(lane.queue, node, horizon, room, lane.settings.lease());
                for (Job job : jobs) {
                    dispatch(lane, job, claimedAt);
                }
                if (jobs.size() < room) {
                    lane.backlog = false;
                    return;
                }
            }
        } finally {
            lane.claiming.set(false);
        }
    }

    private void dispatch(Lane lane, Job job, long claimedAt) {
        Lane.Attempt attempt = new Lane.Attempt(job, claimedAt + knownLease(lane));
        lane.held.put(job.claimToken(), attempt);
        long delay = Math.max(0, Duration.between(Instant.now(), job.dueAt()).toMillis());
        try {
            attempt.future = lane.pool.schedule(() -> execute(lane, attempt), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            lane.held.remove(job.claimToken());
        }
    }

    private void execute(Lane lane, Lane.Attempt attempt) {
        Job job = attempt.job;
        if (attempt.lost) {
            conclude(lane, attempt, null, null);
            return;
        }
        CompletionStage<Outcome> work;
        try {
            metrics.started(lane.queue, Duration.between(job.dueAt(), Instant.now()).toMillis());
            work = lane.handler.start(job, lane.pool);
        } catch (RuntimeException | Error e) {
            conclude(lane, attempt, null, e);
            return;
        }
        CompletableFuture<Outcome> ending = work.toCompletableFuture();
        if (ending.isDone()) {
            // The usual case: the handler did its work on this thread.
            ending.whenComplete((outcome, failure) -> conclude(lane, attempt, outcome, failure));
        } else {
            // The work waits on an answer; whichever thread gives it, the record is written on the queue's own pool.
            ending.whenCompleteAsync((outcome, failure) -> conclude(lane, attempt, outcome, failure), lane.pool);
        }
    }

    /** Records how an attempt ended (fenced by its claim token), lets go of it and claims again if work waits. */
    private void conclude(Lane lane, Lane.Attempt attempt, Outcome outcome, Throwable failure) {
        Job job = attempt.job;
        try {
            Throwable cause = failure instanceof CompletionException wrapped && wrapped.getCause() != null
                    ? wrapped.getCause() : failure;
            boolean recordedByHandler = recorded.take(job.claimToken());
            if (cause == null && outcome != null && !attempt.lost && !recordedByHandler) {
                cause = released(job, outcome);
            }
            if (cause instanceof Jobs.LeaseLost lost) {
                LOG.info(() -> lost.getMessage() + "; its outcome was not recorded");
            } else if (cause != null && attempt.lost) {
                Throwable stopped = cause;
                LOG.info(() -> "Job " + job.id() + " stopped after its lease was lost (" + stopped + ")");
            } else if (cause != null) {
                metrics.failed(lane.queue);
                recordFailure(lane, job, cause);
                if (cause instanceof VirtualMachineError fatal) {
                    throw fatal;
                }
            }
        } finally {
            lane.held.remove(job.claimToken());
            Thread.interrupted();
            if (lane.backlog && lane.held.size() < lane.settings.maxClaimed() / 2) {
                // A burst bigger than one claim: claim again as soon as there is room, not at the next poll.
                try {
                    clock.execute(() -> safely("claiming " + lane.queue, () -> claim(lane)));
                } catch (RejectedExecutionException stopping) {
                    // The node is stopping.
                }
            }
        }
    }

    /** Records the outcome the handler returned; answers the failure, if any. */
    private RuntimeException released(Job job, Outcome outcome) {
        try {
            LockConflicts.retried(() -> store.release(job, outcome));
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private void recordFailure(Lane lane, Job job, Throwable failure) {
        Outcome outcome = JobFailures.outcomeOf(job, failure, lane.settings, Instant.now());
        try {
            LockConflicts.retried(() -> store.release(job, outcome));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record the failure of job " + job.id() + "; its lease runs out and it "
                    + "is tried again then", e);
        }
    }

    /**
     * Extends the leases of everything the lane holds. An attempt whose job another claim took is stopped at once;
     * when the renewal itself fails, an attempt is stopped as soon as its lease may have run out.
     */
    private void renew(Lane lane) {
        if (lane.held.isEmpty()) {
            return;
        }
        Map<String, Lane.Attempt> attempts = Map.copyOf(lane.held);
        long renewedAt = System.nanoTime();
        try {
            Map<Long, String> tokens = new java.util.HashMap<>();
            attempts.values().forEach(a -> tokens.put(a.job.id(), a.job.claimToken()));
            Set<String> held = claims.renew(tokens, lane.settings.lease());
            attempts.forEach((token, attempt) -> {
                if (held.contains(token)) {
                    attempt.leaseKnownUntil = renewedAt + knownLease(lane);
                } else {
                    LOG.warning(() -> "Job " + attempt.job.id() + " of queue " + lane.queue + " was taken over; "
                            + "this node stops its attempt");
                    stop(lane, attempt);
                }
            });
        } catch (RuntimeException e) {
            long now = System.nanoTime();
            attempts.values().stream().filter(a -> now - a.leaseKnownUntil > 0).forEach(a -> stop(lane, a));
            throw e;
        }
    }

    private static void stop(Lane lane, Lane.Attempt attempt) {
        attempt.lose();
        lane.held.remove(attempt.job.claimToken());
    }

    /** The part of a lease this node counts on: a fifth is left for the time a renewal takes and for clock drift. */
    private static long knownLease(Lane lane) {
        return lane.settings.lease().toNanos() / 5 * 4;
    }

    private void planRecurring() {
        if (recurringPlanned) {
            return;
        }
        for (Lane lane : lanes.values()) {
            for (JobHandler.Recurring recurring : lane.handler.recurring()) {
                store.planOnce(lane.queue, recurring.kind(), Job.NO_TENANT, 0, recurring.firstDue());
            }
        }
        recurringPlanned = true;
    }

    private void count() {
        if (platform.isReady()) {
            metrics.counted(store.counts(LATE));
        }
    }

    private void purge() {
        if (!platform.isReady()) {
            return;
        }
        Instant now = Instant.now();
        for (Lane lane : lanes.values()) {
            int removed;
            do {
                removed = store.purge(lane.queue, now.minus(Duration.ofDays(keepDoneDays)),
                        now.minus(Duration.ofDays(keepDeadDays)), PURGE_BATCH);
            } while (removed == PURGE_BATCH);
        }
    }

    private static String nodeName() {
        String pid = ManagementFactory.getRuntimeMXBean().getName();
        return (pid.length() > 60 ? pid.substring(0, 60) : pid) + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
