package app.herald.reporting.application;

import app.herald.analytics.domain.Basis;
import app.herald.analytics.domain.Period;
import app.herald.reporting.domain.ReportWork;
import app.herald.identity.domain.Actor;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.paging.PageRequest;
import app.herald.kernel.paging.PagedQuery;
import app.herald.reporting.domain.Report;
import app.herald.reporting.domain.ReportFile;
import app.herald.reporting.domain.ReportReady;
import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantDb;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A client's reports: asking for one (it is built in the background, through the reports queue, so any node may
 * build it and a node's death only delays it), its progress, the history, and the file. Anyone who may open the
 * client may ask for and download its reports; only the agency's people write notes into them.
 */
@Stateless
public class Reports {

    @Inject
    @TenantDb
    EntityManager em;
    @Inject
    TenantContext context;
    @Inject
    Event<ReportReady> readyEvents;
    @Inject
    ReportQueue queue;
    @Inject
    TenantAuditLog audit;

    public Report request(Actor actor, Report.Format format, Period period, String notes) {
        if (notes != null && !notes.isBlank() && !actor.isStaff()) {
            throw new RuleViolation("Notes in a report are written by the agency.");
        }
        Report report = queued(format, period, notes, actor.email(), null);
        audit.record(actor.email(), "REPORT_REQUESTED", "report " + report.getId(), format + " " + period.from()
                + " – " + period.to());
        return report;
    }

    private Report queued(Report.Format format, Period period, String notes, String requestedBy, Long scheduleId) {
        Report report = created(format, period, notes, requestedBy, scheduleId);
        queue.plan(context.current().id(), ReportWork.REPORT, report.getId(), Instant.now());
        return report;
    }

    /** A schedule's report, which the schedule's run builds itself (committed now, so its progress can be saved). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Report forSchedule(Report.Format format, Period period, String notes, long scheduleId) {
        return created(format, period, notes, "schedule " + scheduleId, scheduleId);
    }

    private Report created(Report.Format format, Period period, String notes, String requestedBy, Long scheduleId) {
        Report report = new Report(format, period.from(), period.to(), period.basis().name(), notes, requestedBy,
                scheduleId, Instant.now());
        em.persist(report);
        em.flush();
        return report;
    }

    /** How many reports the client has ever asked for. */
    public long count() {
        return everyReport().count(em);
    }

    /** One page of them, the newest request first. */
    public List<Report> page(PageRequest request) {
        return everyReport().rows(em, request);
    }

    /** Whether any report is still being built, so that the screen keeps showing its progress. */
    public boolean anyBuilding() {
        return em.createQuery("SELECT COUNT(r) FROM Report r WHERE r.state IN :building", Long.class)
                .setParameter("building", java.util.EnumSet.of(Report.State.QUEUED, Report.State.RUNNING))
                .getSingleResult() > 0;
    }

    private PagedQuery<Report> everyReport() {
        return PagedQuery.of(Report.class, "r", "Reports").orderedBy("r.requestedAt DESC");
    }

    public Optional<Report> find(long reportId) {
        return Optional.ofNullable(em.find(Report.class, reportId));
    }

    /** The finished file of one of the current client's reports. */
    public Optional<byte[]> file(long reportId) {
        return find(reportId).filter(r -> r.getState() == Report.State.READY)
                .map(r -> em.find(ReportFile.class, reportId)).map(ReportFile::content);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void progress(long reportId, int percent) {
        find(reportId).ifPresent(r -> r.running(percent));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void ready(long reportId, String fileName, byte[] content) {
        em.find(Report.class, reportId).ready(fileName, Instant.now());
        em.persist(new ReportFile(reportId, content));
        readyEvents.fire(new ReportReady(context.current().id(), reportId, fileName));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(long reportId, String problem) {
        find(reportId).ifPresent(r -> r.failed(problem, Instant.now()));
    }

    /** The basis a report was asked with. */
    static Basis basisOf(Report report) {
        try {
            return Basis.valueOf(report.getBasis());
        } catch (IllegalArgumentException e) {
            return Basis.ACTIVITY;
        }
    }
}
