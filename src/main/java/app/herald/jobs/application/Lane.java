package app.herald.jobs.application;

import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.QueueSettings;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One queue on this node: its handler and settings, a bounded pool of threads, and the attempts it holds (claimed,
 * waiting for their instant or running), each with how long its lease is known to last.
 */
final class Lane {

    final String queue;
    final JobHandler handler;
    final QueueSettings settings;
    final ScheduledThreadPoolExecutor pool;
    final Map<String, Attempt> held = new ConcurrentHashMap<>();
    final AtomicBoolean claiming = new AtomicBoolean();
    /** The last claim stopped because this node held enough, not because nothing more was due. */
    volatile boolean backlog;

    Lane(JobHandler handler, ThreadFactory threads) {
        this.queue = handler.queue();
        this.handler = handler;
        this.settings = handler.settings();
        this.pool = new ScheduledThreadPoolExecutor(settings.concurrency(), threads);
        this.pool.setRemoveOnCancelPolicy(true);
    }

    int room() {
        return Math.min(settings.batch(), settings.maxClaimed() - held.size());
    }

    /** One claimed attempt of this node. */
    static final class Attempt {
        final Job job;
        /** Until when (System.nanoTime) the lease is known to hold: the last renewal plus the lease, less a margin. */
        volatile long leaseKnownUntil;
        volatile Future<?> future;
        volatile boolean lost;

        Attempt(Job job, long leaseKnownUntil) {
            this.job = job;
            this.leaseKnownUntil = leaseKnownUntil;
        }

        /** The job is, or may be, held by another attempt now: stop this one. */
        void lose() {
            lost = true;
            Future<?> f = future;
            if (f != null) {
                f.cancel(true);
            }
        }
    }
}
