package app.herald.jobs.application;

import app.herald.jobs.infrastructure.JobStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The engine's figures on /metrics, per queue (tag {@code queue}): jobs due and waiting for a node, jobs overdue by
 * more than a minute, dead jobs (cluster-wide, from the table), jobs running on this node, how late each job started
 * (a histogram, in milliseconds) and attempts that failed with an error.
 */
@ApplicationScoped
public class JobMetrics {

    @Inject
    MetricRegistry registry;

    private final Map<String, QueueFigures> figures = new ConcurrentHashMap<>();

    /** One queue's live figures. */
    static final class QueueFigures {
        final AtomicLong due = new AtomicLong();
        final AtomicLong late = new AtomicLong();
        final AtomicLong dead = new AtomicLong();
        Histogram lateness;
        Counter failures;
    }

    void register(String queue, java.util.function.IntSupplier running) {
        QueueFigures q = figures.computeIfAbsent(queue, name -> new QueueFigures());
        Tag tag = new Tag("queue", queue);
        registry.gauge(meta("herald_jobs_due", "Jobs due and not yet claimed", MetricUnits.NONE), q.due, AtomicLong::get,
                tag);
        registry.gauge(meta("herald_jobs_late", "Jobs due more than a minute ago and not done", MetricUnits.NONE),
                q.late, AtomicLong::get, tag);
        registry.gauge(meta("herald_jobs_dead", "Jobs given up", MetricUnits.NONE), q.dead, AtomicLong::get, tag);
        registry.gauge(meta("herald_jobs_running", "Jobs this node works on now", MetricUnits.NONE),
                () -> running.getAsInt(), tag);
        q.lateness = registry.histogram(meta("herald_jobs_lateness", "How long after its due instant a job started",
                MetricUnits.MILLISECONDS), tag);
        q.failures = registry.counter(meta("herald_jobs_failures", "Attempts that failed with an error",
                MetricUnits.NONE), tag);
    }

    private static Metadata meta(String name, String description, String unit) {
        return Metadata.builder().withName(name).withDescription(description).withUnit(unit).build();
    }

    void started(String queue, long latenessMillis) {
        QueueFigures q = figures.get(queue);
        if (q != null) {
            q.lateness.update(Math.max(0, latenessMillis));
        }
    }

    void failed(String queue) {
        QueueFigures q = figures.get(queue);
        if (q != null) {
            q.failures.inc();
        }
    }

    void counted(java.util.List<JobStore.QueueCounts> counts) {
        Map<String, JobStore.QueueCounts> byQueue = new java.util.HashMap<>();
        counts.forEach(c -> byQueue.put(c.queue(), c));
        figures.forEach((queue, q) -> {
            JobStore.QueueCounts c = byQueue.getOrDefault(queue, new JobStore.QueueCounts(queue, 0, 0, 0));
            q.due.set(c.due());
            q.late.set(c.late());
            q.dead.set(c.dead());
        });
    }
}
