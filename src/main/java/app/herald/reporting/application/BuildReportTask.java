package app.herald.reporting.application;

import app.herald.analytics.application.AnalyticsTask;
import app.herald.analytics.domain.AnalyticsJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Builds a requested report in the background. A failed build is shown on the report with its reason. */
@ApplicationScoped
public class BuildReportTask implements AnalyticsTask {

    private static final Logger LOG = Logger.getLogger(BuildReportTask.class.getName());

    @Inject
    ReportBuilder builder;
    @Inject
    Reports reports;

    @Override
    public AnalyticsJob.Kind kind() {
        return AnalyticsJob.Kind.REPORT;
    }

    @Override
    public Outcome run(AnalyticsJob job) {
        if (reports.find(job.subjectId()).map(r -> r.isFinished()).orElse(true)) {
            return new Outcome.Done(Optional.empty());
        }
        try {
            builder.build(job.subjectId());
            return new Outcome.Done(Optional.empty());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Report " + job.subjectId() + " failed", e);
            return new Outcome.Done(Optional.of("Report " + job.subjectId() + " failed: " + e.getMessage()));
        }
    }
}
