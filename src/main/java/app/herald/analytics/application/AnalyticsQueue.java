package app.herald.analytics.application;

import app.herald.analytics.domain.AnalyticsWork;
import app.herald.jobs.application.Jobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/** Analytics' queue on the job engine: measuring published posts at their checkpoints, reading followers daily. */
@ApplicationScoped
public class AnalyticsQueue {

    public static final String QUEUE = "analytics";

    @Inject
    Jobs jobs;

    /** Plans (or re-plans) the subject's measurement: its {@code step} falls due at {@code due}. */
    public void plan(long tenantId, AnalyticsWork kind, long subjectId, int step, Instant due) {
        jobs.plan(QUEUE, kind.name(), tenantId, subjectId, step, due);
    }

    /** Plans the subject's measurement unless it has one (a channel's daily reading keeps its own rhythm). */
    public void planOnce(long tenantId, AnalyticsWork kind, long subjectId, Instant due) {
        jobs.planOnce(QUEUE, kind.name(), tenantId, subjectId, due);
    }

    /** The latest problems of a tenant's measurements, for "some numbers may be behind". */
    public List<String> problems(long tenantId, int max) {
        return jobs.problems(tenantId, QUEUE, max);
    }
}
