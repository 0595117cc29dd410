package app.herald.reporting.application;

import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds a requested report in the background. A failed build is shown on the report with its reason. Building
 * again is harmless: a report that is finished already is left as it is.
 */
@ApplicationScoped
public class BuildReportTask {

    private static final Logger LOG = Logger.getLogger(BuildReportTask.class.getName());

    @Inject
    ReportBuilder builder;
    @Inject
    Reports reports;

    public Outcome run(Job job) {
        if (reports.find(job.subjectId()).map(r -> r.isFinished()).orElse(true)) {
            return Outcome.done();
        }
        try {
            builder.build(job.subjectId());
            return Outcome.done();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Report " + job.subjectId() + " failed", e);
            return Outcome.done("Report " + job.subjectId() + " failed: " + e.getMessage());
        }
    }
}
