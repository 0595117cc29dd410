package app.herald.analytics.application;

import app.herald.analytics.domain.AnalyticsWork;
import app.herald.jobs.application.JobHandler;
import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.Outcome;
import app.herald.jobs.domain.QueueSettings;
import app.herald.tenancy.application.TenantJobs;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Analytics on the job engine: a small pool per node, so that measurements never crowd out publishing. Each job runs
 * in its tenant as Herald's analyst; the daily snapshot purge runs once per cluster for every tenant.
 */
@ApplicationScoped
public class AnalyticsHandler implements JobHandler {

    static final String ANALYST = "analytics@herald";
    private static final Duration TENANT_UNAVAILABLE_WAIT = Duration.ofMinutes(30);

    @Inject
    Instance<AnalyticsTask> tasks;
    @Inject
    TenantJobs tenants;
    @Inject
    SnapshotRetention snapshots;
    @Inject
    @ConfigProperty(name = "herald.analytics.enabled", defaultValue = "true")
    boolean enabled;
    @Inject
    @ConfigProperty(name = "herald.analytics.concurrency", defaultValue = "4")
    int concurrency;
    @Inject
    @ConfigProperty(name = "herald.analytics.lease-seconds", defaultValue = "300")
    long leaseSeconds;

    private final Map<AnalyticsWork, AnalyticsTask> byKind = new EnumMap<>(AnalyticsWork.class);

    @PostConstruct
    void collect() {
        tasks.forEach(task -> byKind.put(task.kind(), task));
    }

    @Override
    public String queue() {
        return AnalyticsQueue.QUEUE;
    }

    @Override
    public QueueSettings settings() {
        return QueueSettings.of(concurrency, Duration.ofSeconds(leaseSeconds)).enabled(enabled)
                .pollEvery(Duration.ofSeconds(5))
                .retries(RetryBackoff.MAX_ATTEMPTS, RetryBackoff.BACKOFF);
    }

    @Override
    public List<Recurring> recurring() {
        return List.of(new Recurring(AnalyticsWork.PURGE_SNAPSHOTS.name(), Instant.now().plus(Duration.ofMinutes(10))));
    }

    @Override
    public Outcome run(Job job) {
        AnalyticsWork kind = AnalyticsWork.valueOf(job.kind());
        if (kind == AnalyticsWork.PURGE_SNAPSHOTS) {
            snapshots.purgeEveryTenant();
            return Outcome.next(job.step() + 1, Instant.now().plus(Duration.ofDays(1)));
        }
        AnalyticsTask task = byKind.get(kind);
        if (task == null) {
            return Outcome.dead("No task runs " + kind + " jobs.");
        }
        return tenants.run(job, ANALYST, TENANT_UNAVAILABLE_WAIT, ref -> task.run(job));
    }
}
