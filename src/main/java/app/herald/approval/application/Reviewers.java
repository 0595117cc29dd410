package app.herald.approval.application;

import app.herald.approval.domain.Reviewer;
import app.herald.identity.domain.Actor;
import app.herald.identity.domain.Role;
import app.herald.tenancy.domain.TenantRef;

/** How the workflow sees a signed-in person in a tenant: agency staff, or an approver of that very client. */
public final class Reviewers {

    private Reviewers() {
    }

    public static Reviewer of(Actor actor, TenantRef tenant) {
        boolean staff = actor.isStaff() && actor.mayOpen(tenant.id(), tenant.agencyId());
        boolean clientApprover = actor.role().orElse(null) == Role.APPROVER
                && actor.clientOf().orElse(-1L) == tenant.id();
        return new Reviewer(actor.userId(), staff, clientApprover);
    }
}
