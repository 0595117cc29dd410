package app.herald.reporting.application;

import app.herald.jobs.application.Jobs;
import app.herald.reporting.domain.ReportWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** Reporting's queue on the job engine: reports to build, schedules to run. Joins the caller's transaction. */
@ApplicationScoped
public class ReportQueue {

    public static final String QUEUE = "reports";

    @Inject
    Jobs jobs;

    public void plan(long tenantId, ReportWork kind, long subjectId, Instant due) {
        jobs.plan(QUEUE, kind.name(), tenantId, subjectId, 0, due);
    }

    public void drop(long tenantId, ReportWork kind, long subjectId) {
        jobs.drop(QUEUE, kind.name(), tenantId, subjectId);
    }
}
