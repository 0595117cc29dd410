package app.herald.reporting.application;

import app.herald.jobs.application.JobHandler;
import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.Outcome;
import app.herald.jobs.domain.QueueSettings;
import app.herald.reporting.domain.ReportWork;
import app.herald.tenancy.application.TenantJobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reports on the job engine, on a pool of their own so that a long report never holds up measurements: building a
 * requested report, and running a schedule. Each runs in its tenant as Herald's scheduler.
 */
@ApplicationScoped
public class ReportHandler implements JobHandler {

    private static final String SCHEDULER = "scheduler@herald";
    private static final Duration TENANT_UNAVAILABLE_WAIT = Duration.ofMinutes(30);

    @Inject
    TenantJobs tenants;
    @Inject
    BuildReportTask build;
    @Inject
    RunScheduleTask schedule;
    @Inject
    @ConfigProperty(name = "herald.reports.concurrency", defaultValue = "2")
    int concurrency;

    @Override
    public String queue() {
        return ReportQueue.QUEUE;
    }

    @Override
    public QueueSettings settings() {
        return QueueSettings.of(concurrency, Duration.ofMinutes(10)).pollEvery(Duration.ofSeconds(2));
    }

    @Override
    public Outcome run(Job job) {
        ReportWork kind = ReportWork.valueOf(job.kind());
        return tenants.run(job, SCHEDULER, TENANT_UNAVAILABLE_WAIT,
                ref -> kind == ReportWork.REPORT ? build.run(job) : schedule.run(job));
    }
}
