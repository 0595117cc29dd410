package app.herald.engagement.application;

import app.herald.approval.domain.ApprovalMode;
import app.herald.engagement.domain.BusinessHours;
import app.herald.engagement.domain.InboxSettings;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantDb;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;

/**
 * Who may do what in a client's inbox, and the client's inbox settings. The agency's people who may open the client
 * read it; owners, managers and editors work it (answer, assign, tag, close, moderate); analysts only read. The
 * client's own people read it only when the client's settings allow it, and never see internal notes.
 */
@Stateless
public class InboxPolicy {

    @Inject
    @TenantDb
    EntityManager em;
    @Inject
    TenantContext context;
    @Inject
    TenantAuditLog audit;

    public InboxSettings settings() {
        return em.find(InboxSettings.class, InboxSettings.THE_ROW);
    }

    public boolean mayRead(Actor actor) {
        return actor.isStaff() || (actor.isClientUser() && settings().isClientsSeeInbox());
    }

    public void requireReader(Actor actor) {
        if (!mayRead(actor)) {
            throw new AccessDenied(actor.email() + " may not read the inbox of " + context.current().id());
        }
    }

    public void requireWorker(Actor actor) {
        if (!actor.writesContent()) {
            throw new AccessDenied(actor.email() + " may not work the inbox of " + context.current().id());
        }
    }

    /**
     * Owners and managers choose whether answers are reviewed, whether the client's people see the inbox, its business
     * hours and its first-answer target.
     */
    public InboxSettings change(Actor actor, ApprovalMode replyApproval, boolean clientsSeeInbox, BusinessHours hours,
                                Duration sla) {
        if (!actor.runs(context.current().agencyId())) {
            throw new AccessDenied(actor.email() + " may not change the inbox settings of " + context.current().id());
        }
        if (replyApproval == null) {
            throw new RuleViolation("Choose how answers are reviewed.");
        }
        InboxSettings settings = settings();
        settings.change(replyApproval, clientsSeeInbox, hours, sla);
        audit.record(actor.email(), "INBOX_SETTINGS_CHANGED", "inbox", "answers reviewed: " + replyApproval
                + ", client sees the inbox: " + clientsSeeInbox + ", business hours: " + hours.daysColumn() + " "
                + hours.start() + "-" + hours.end() + ", first answer within " + sla.toMinutes() + " min");
        return settings;
    }
}
