package app.herald.reporting.application;

import app.herald.jobs.application.Jobs;
import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.Outcome;
import app.herald.mail.application.Mail;
import app.herald.mail.domain.OutgoingMail;
import app.herald.reporting.domain.ReportWork;
import app.herald.identity.application.Actors;
import app.herald.identity.domain.Actor;
import app.herald.identity.domain.User;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.reporting.domain.Report;
import app.herald.reporting.domain.ReportSchedule;
import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantDb;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Weekly or monthly reports e-mailed to chosen client users. Only the client's own users can be recipients, so a
 * schedule can never send a client's numbers outside it. Each schedule has one job in the reports queue, due at its
 * next run.
 */
@Stateless
public class ReportSchedules {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    @Inject
    @TenantDb
    EntityManager em;
    @Inject
    TenantContext context;
    @Inject
    ReportQueue queue;
    @Inject
    Mail mail;
    @Inject
    Jobs jobs;
    @Inject
    Actors actors;
    @Inject
    TenantAuditLog audit;

    public List<ReportSchedule> all() {
        return em.createNamedQuery("ReportSchedule.all", ReportSchedule.class).getResultList();
    }

    public Optional<ReportSchedule> find(long scheduleId) {
        return Optional.ofNullable(em.find(ReportSchedule.class, scheduleId));
    }

    /** The people a schedule may send to: the client's own users. */
    public List<User> possibleRecipients() {
        return actors.clientUsersOf(context.current().id());
    }

    public ReportSchedule create(Actor actor, ReportSchedule.Cadence cadence, Report.Format format,
                                 List<String> recipients, String notes) {
        requireStaffWriter(actor);
        Set<String> allowed = Set.copyOf(possibleRecipients().stream().map(User::getEmail).toList());
        List<String> chosen = recipients.stream().distinct().toList();
        if (!allowed.containsAll(chosen)) {
            throw new RuleViolation("Reports can only be sent to this client's own users.");
        }
        ReportSchedule schedule = new ReportSchedule(cadence, format, chosen, notes, actor.email(),
                context.current().zone(), Instant.now());
        em.persist(schedule);
        em.flush();
        queue.plan(context.current().id(), ReportWork.SCHEDULE, schedule.getId(), schedule.getNextRunAt());
        audit.record(actor.email(), "REPORT_SCHEDULED", "schedule " + schedule.getId(), cadence + " " + format
                + " to " + String.join(", ", chosen));
        return schedule;
    }

    public void delete(Actor actor, long scheduleId) {
        requireStaffWriter(actor);
        find(scheduleId).ifPresent(s -> {
            em.remove(s);
            queue.drop(context.current().id(), ReportWork.SCHEDULE, scheduleId);
            audit.record(actor.email(), "REPORT_SCHEDULE_DELETED", "schedule " + scheduleId, s.getCadence() + "");
        });
    }

    /**
     * A run's report is built: it is mailed to the schedule's recipients (queued, sent once this commits), the
     * schedule moves on to its next run and the schedule's job with it, all together.
     */
    public Outcome deliver(Job job, long scheduleId, long reportId, byte[] file, LocalDate[] period) {
        ReportSchedule schedule = em.find(ReportSchedule.class, scheduleId);
        String client = context.current().name();
        String name = Optional.ofNullable(em.find(Report.class, reportId)).map(Report::getFileName).orElse("report");
        String span = DAY.format(period[0]) + " – " + DAY.format(period[1]);
        for (String to : schedule.getRecipients()) {
            mail.send(to, client + ": your report for " + span, "Hello,\n\nattached is " + client + "'s "
                    + schedule.getCadence().name().toLowerCase(Locale.ROOT) + " social media report for " + span
                    + ". You also find it under Reports in Herald.\n",
                    new OutgoingMail.Attachment(name, schedule.getFormat().contentType(), file));
        }
        schedule.ranAt(Instant.now(), context.current().zone());
        Outcome next = Outcome.next(job.step() + 1, schedule.getNextRunAt());
        jobs.finish(job, next);
        return next;
    }

    private static void requireStaffWriter(Actor actor) {
        if (!actor.writesContent()) {
            throw new AccessDenied("Only the agency's owners, managers and editors schedule reports.");
        }
    }
}
