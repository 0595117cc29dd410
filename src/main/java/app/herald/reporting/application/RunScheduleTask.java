package app.herald.reporting.application;

import app.herald.analytics.domain.Basis;
import app.herald.analytics.domain.Period;
import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.Outcome;
import app.herald.reporting.domain.Report;
import app.herald.reporting.domain.ReportSchedule;
import app.herald.tenancy.application.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A schedule's run: builds the report for the week or month before, then mails it to the schedule's recipients and
 * moves the schedule to its next run in one transaction, so a run that is interrupted mails nobody and is run again.
 * The report also lands in the client's report history.
 */
@ApplicationScoped
public class RunScheduleTask {

    @Inject
    TenantContext context;
    @Inject
    ReportSchedules schedules;
    @Inject
    Reports reports;
    @Inject
    ReportBuilder builder;

    public Outcome run(Job job) {
        Optional<ReportSchedule> found = schedules.find(job.subjectId());
        if (found.isEmpty()) {
            return Outcome.done();
        }
        ReportSchedule schedule = found.get();
        LocalDate today = LocalDate.now(context.current().zone());
        LocalDate[] period = schedule.periodFor(today);
        Report report = reports.forSchedule(schedule.getFormat(), new Period(period[0], period[1], Basis.ACTIVITY),
                schedule.getNotes(), schedule.getId());
        byte[] file = builder.build(report.getId());
        return schedules.deliver(job, schedule.getId(), report.getId(), file, period);
    }
}
