package app.herald.reporting.application;

import app.herald.analytics.application.AnalyticsTask;
import app.herald.analytics.domain.AnalyticsJob;
import app.herald.analytics.domain.Basis;
import app.herald.analytics.domain.Period;
import app.herald.mail.infrastructure.MailNotSent;
import app.herald.mail.infrastructure.Mailer;
import app.herald.reporting.domain.Report;
import app.herald.reporting.domain.ReportSchedule;
import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.application.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A schedule's run: builds the report for the week or month before and e-mails it to the schedule's recipients. The
 * report also lands in the client's report history. A recipient whose mail server refuses is
 * noted in the audit log; the report waits for them in Herald.
 */
@ApplicationScoped
public class RunScheduleTask implements AnalyticsTask {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    @Inject
    TenantContext context;
    @Inject
    ReportSchedules schedules;
    @Inject
    Reports reports;
    @Inject
    ReportBuilder builder;
    @Inject
    Mailer mailer;
    @Inject
    TenantAuditLog audit;

    @Override
    public AnalyticsJob.Kind kind() {
        return AnalyticsJob.Kind.SCHEDULE;
    }

    @Override
    public Outcome run(AnalyticsJob job) {
        Optional<ReportSchedule> found = schedules.find(job.subjectId());
        if (found.isEmpty()) {
            return new Outcome.Done(Optional.empty());
        }
        ReportSchedule schedule = found.get();
        LocalDate today = LocalDate.now(context.current().zone());
        LocalDate[] period = schedule.periodFor(today);
        Report report = reports.forSchedule(schedule.getFormat(), new Period(period[0], period[1], Basis.ACTIVITY),
                schedule.getNotes(), schedule.getId());
        byte[] file = builder.build(report.getId());
        String name = reports.find(report.getId()).map(Report::getFileName).orElse("report");
        List<String> failed = new ArrayList<>();
        for (String to : schedule.getRecipients()) {
            try {
                mailer.send(to, context.current().name() + ": your report for " + DAY.format(period[0]) + " – "
                        + DAY.format(period[1]), "Hello,\n\nattached is " + context.current().name() + "'s "
                        + schedule.getCadence().name().toLowerCase(Locale.ROOT) + " social media report for "
                        + DAY.format(period[0]) + " – " + DAY.format(period[1]) + ". You also find it under Reports "
                        + "in Herald.\n", new Mailer.Attachment(name, schedule.getFormat().contentType(), file));
            } catch (MailNotSent e) {
                failed.add(to);
            }
        }
        if (!failed.isEmpty()) {
            // Not sent again by itself: a second run would mail everyone else twice. The report waits in the history.
            audit.record("scheduler@herald", "REPORT_NOT_MAILED", "report " + report.getId(),
                    "The mail server refused it for " + String.join(", ", failed) + ".");
        }
        return new Outcome.Next(job.step() + 1, schedules.ran(schedule.getId()));
    }
}
