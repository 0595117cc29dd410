package app.herald.jobs.application;

import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.Outcome;
import app.herald.jobs.domain.QueueSettings;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What an attempt that failed with an exception leads to. A lock conflict (deadlock, lock wait timeout, a concurrent
 * change) is tried again at once; a database that cannot be reached is tried again with backoff; anything else is a
 * bug: logged with its stack trace, retried with backoff, and given up after the queue's attempts. Only a handler
 * knows what "the client is unavailable" means; it says so with an outcome, never with an exception.
 */
final class JobFailures {

    private static final Logger LOG = Logger.getLogger(JobFailures.class.getName());
    /** Lock conflicts and outages are not the job's fault: they get this many times the queue's attempts. */
    private static final int PATIENCE = 3;

    enum Kind { LOCK_CONFLICT, DATABASE_UNREACHABLE, ERROR }

    private JobFailures() {
    }

    static Kind classify(Throwable failure) {
        if (LockConflicts.isConflict(failure)) {
            return Kind.LOCK_CONFLICT;
        }
        return LockConflicts.isUnreachable(failure) ? Kind.DATABASE_UNREACHABLE : Kind.ERROR;
    }

    static Outcome outcomeOf(Job job, Throwable failure, QueueSettings settings, Instant now) {
        Kind kind = classify(failure);
        String reason = describe(failure);
        int allowed = kind == Kind.ERROR ? settings.maxAttempts() : settings.maxAttempts() * PATIENCE;
        if (kind == Kind.ERROR) {
            LOG.log(Level.SEVERE, "Job " + job.id() + " (" + job.queue() + "/" + job.kind() + ", tenant "
                    + job.tenantId() + ", subject " + job.subjectId() + ") failed on attempt " + job.attempts(), failure);
        } else {
            LOG.log(Level.WARNING, () -> "Job " + job.id() + " (" + job.queue() + "/" + job.kind() + ") met "
                    + kind + " on attempt " + job.attempts() + ": " + reason);
        }
        if (job.attempts() >= allowed) {
            return Outcome.dead("Given up after " + job.attempts() + " attempts: " + reason);
        }
        Instant due = kind == Kind.LOCK_CONFLICT ? now
                : now.plus(settings.backoff().after(job.attempts(), ThreadLocalRandom.current()));
        return Outcome.retry(due, reason);
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage();
        return root.getClass().getSimpleName() + message;
    }
}
