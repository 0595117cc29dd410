package app.herald.reporting.application;

import app.herald.analytics.domain.AnalyticsJob;
import app.herald.analytics.infrastructure.AnalyticsQueue;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Weekly or monthly reports e-mailed to chosen client users. Only the client's own users can be recipients, so a
 * schedule can never send a client's numbers outside it. Each schedule has one job in the analytics queue, due at its
 * next run.
 */
@Stateless
public class ReportSchedules {

    @Inject
    @TenantDb
    EntityManager em;
    @Inject
    TenantContext context;
    @Inject
    AnalyticsQueue queue;
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
        queue.plan(context.current().id(), AnalyticsJob.Kind.SCHEDULE, schedule.getId(), 0, schedule.getNextRunAt());
        audit.record(actor.email(), "REPORT_SCHEDULED", "schedule " + schedule.getId(), cadence + " " + format
                + " to " + String.join(", ", chosen));
        return schedule;
    }

    public void delete(Actor actor, long scheduleId) {
        requireStaffWriter(actor);
        find(scheduleId).ifPresent(s -> {
            em.remove(s);
            queue.drop(context.current().id(), AnalyticsJob.Kind.SCHEDULE, scheduleId);
            audit.record(actor.email(), "REPORT_SCHEDULE_DELETED", "schedule " + scheduleId, s.getCadence() + "");
        });
    }

    /** A run is done: the schedule moves on to its next run, which it answers. */
    public Instant ran(long scheduleId) {
        ReportSchedule schedule = em.find(ReportSchedule.class, scheduleId);
        schedule.ranAt(Instant.now(), context.current().zone());
        return schedule.getNextRunAt();
    }

    private static void requireStaffWriter(Actor actor) {
        if (!actor.writesContent()) {
            throw new AccessDenied("Only the agency's owners, managers and editors schedule reports.");
        }
    }
}
