package app.herald.jobs.application;

import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.Outcome;
import app.herald.jobs.infrastructure.JobStore;
import app.herald.kernel.MostRecentlyUsed;
import app.herald.kernel.TransactionEnd;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What capabilities do with jobs, always inside their own transaction: plan work for a subject, move or drop it, and
 * finish an attempt together with the results it wrote. A subject (a publication, a channel, a report) has at most
 * one job per queue and kind.
 */
@ApplicationScoped
public class Jobs {

    @Inject
    JobStore store;
    @Inject
    Instance<JobEngine> engine;
    @Inject
    RecordedAttempts recorded;
    @Resource
    TransactionSynchronizationRegistry transactions;
    @Resource
    ManagedExecutorService executor;

    /**
     * How long a subject seen to have its job is not asked again by {@link #planOnce}: every publication plans its
     * channel's reading, and the answer is nearly always "it has one". A job dropped on another node within that
     * time is planned again by the next call after it.
     */
    static final Duration SEEN_FOR = Duration.ofMinutes(1);

    private record Subject(String queue, String kind, long tenantId, long subjectId) {
    }

    private final MostRecentlyUsed<Subject, Long> seen = new MostRecentlyUsed<>(10_000);

    /**
     * Plans (or re-plans) the subject's job: its {@code step} falls due at {@code due}. Due now, this node's engine
     * looks for it as soon as the caller's transaction commits.
     */
    public void plan(String queue, String kind, long tenantId, long subjectId, int step, Instant due) {
        store.plan(queue, kind, tenantId, subjectId, step, due);
        if (!due.isAfter(Instant.now())) {
            wakeAfterCommit(queue);
        }
    }

    /** One wake-up per queue and transaction, however many jobs it planned; none when it rolls back. */
    private void wakeAfterCommit(String queue) {
        Object key = Jobs.class.getName() + ".wake." + queue;
        if (transactions.getTransactionKey() == null) {
            engine.get().wake(queue);
        } else if (transactions.getResource(key) == null) {
            transactions.putResource(key, Boolean.TRUE);
            TransactionEnd.then(transactions, status -> {
                if (status == Status.STATUS_COMMITTED) {
                    // Not on this thread: the container would resume the finished transaction around the call.
                    executor.execute(() -> engine.get().wake(queue));
                }
            });
        }
    }

    /** Plans the subject's job unless it has one (work with a rhythm of its own, such as a daily reading). */
    public void planOnce(String queue, String kind, long tenantId, long subjectId, Instant due) {
        Subject subject = new Subject(queue, kind, tenantId, subjectId);
        Long seenAt = seen.get(subject).orElse(null);
        if (seenAt != null && System.nanoTime() - seenAt < SEEN_FOR.toNanos()) {
            return;
        }
        if (store.planOnce(queue, kind, tenantId, subjectId, due)) {
            // Only a job read as there (committed) is remembered, never one this transaction may yet roll back.
            seen.put(subject, System.nanoTime());
        }
    }

    /** Drops the subject's job (its subject is gone), unless an attempt is running; that attempt finds it gone. */
    public void drop(String queue, String kind, long tenantId, long subjectId) {
        seen.remove(new Subject(queue, kind, tenantId, subjectId));
        store.drop(queue, kind, tenantId, subjectId);
    }

    /** Ends the subject's job (its work was cancelled), unless an attempt is running. */
    public void settle(String queue, String kind, long tenantId, long subjectId) {
        store.settle(queue, kind, tenantId, subjectId);
    }

    /** Every job of a tenant that is being deleted. */
    public void dropTenant(long tenantId) {
        seen.clear();
        store.dropTenant(tenantId);
    }

    /**
     * Whether this attempt still holds its job, its lease running; locks the job until the caller's transaction ends,
     * so what it commits (such as "being sent") cannot race another node taking the job over.
     */
    public boolean holds(Job job) {
        return store.holds(job);
    }

    /** As {@link #holds} for several attempts, in one statement: whether every one of them still holds its job. */
    public boolean holdAll(List<Job> jobs) {
        return store.holdAll(jobs);
    }

    /**
     * Records the attempt's outcome in the caller's transaction, together with what the attempt wrote. Throws
     * {@link LeaseLost} when another attempt holds the job now, so that the caller's writes roll back.
     */
    public void finish(Job job, Outcome outcome) {
        if (!store.finish(job, outcome)) {
            throw new LeaseLost(job);
        }
        recordedAfterCommit(List.of(job));
    }

    /**
     * As {@link #finish} for several attempts (their outcomes in the same order), the usual outcomes in one statement.
     * Throws {@link LeaseLost} when any of them no longer holds its job, so that none of the caller's writes commits.
     */
    public void finishAll(List<Job> jobs, List<Outcome> outcomes) {
        if (!store.finishAll(jobs, outcomes)) {
            throw new LeaseLost(jobs);
        }
        recordedAfterCommit(jobs);
    }

    private void recordedAfterCommit(List<Job> jobs) {
        if (transactions.getTransactionKey() == null) {
            jobs.forEach(job -> recorded.committed(job.claimToken()));
        } else {
            TransactionEnd.then(transactions, status -> {
                if (status == Status.STATUS_COMMITTED) {
                    jobs.forEach(job -> recorded.committed(job.claimToken()));
                }
            });
        }
    }

    /** The reasons shown for a tenant's work in a queue that waits for a retry or was given up, newest first. */
    public List<String> problems(long tenantId, String queue, int max) {
        return store.problems(tenantId, queue, max);
    }

    /** The subject's job as stored, if it has one. */
    public Optional<JobStore.Stored> find(String queue, String kind, long tenantId, long subjectId) {
        return store.find(queue, kind, tenantId, subjectId);
    }

    /** An attempt found that its job is held by another attempt now; what it was about to commit must not be. */
    public static final class LeaseLost extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public LeaseLost(Job job) {
            super("Job " + job.id() + " (" + job.queue() + "/" + job.kind() + ") is no longer held by this attempt");
        }

        public LeaseLost(List<Job> jobs) {
            super("Of jobs " + jobs.stream().map(Job::id).toList() + ", at least one is no longer held by its attempt");
        }
    }
}
