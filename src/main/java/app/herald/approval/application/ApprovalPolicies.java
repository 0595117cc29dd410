package app.herald.approval.application;

import app.herald.approval.domain.ApprovalMode;
import app.herald.approval.domain.ApprovalPolicy;
import app.herald.approval.domain.ApprovalSettings;
import app.herald.approval.domain.ReviewStep;
import app.herald.identity.application.Actors;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantDb;
import app.herald.tenancy.domain.TenantRef;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;

/**
 * The current tenant's approval policy: its mode (stored in the tenant's schema) and one internal step whose
 * approvers are the agency's owners and managers who may open the tenant; any one of them suffices.
 */
@Stateless
public class ApprovalPolicies {

    public static final String AGENCY_STEP = "Agency review";

    @Inject
    @TenantDb
    EntityManager em;
    @Inject
    TenantContext context;
    @Inject
    Actors actors;

    public ApprovalPolicy current() {
        ApprovalMode mode = mode();
        if (mode == ApprovalMode.NONE) {
            return ApprovalPolicy.none();
        }
        TenantRef tenant = context.current();
        Set<Long> reviewers = actors.runnersOf(tenant.agencyId(), tenant.id());
        if (reviewers.isEmpty()) {
            return ApprovalPolicy.none();
        }
        return new ApprovalPolicy(mode, List.of(new ReviewStep(AGENCY_STEP, reviewers, false)));
    }

    public ApprovalMode mode() {
        ApprovalSettings settings = em.find(ApprovalSettings.class, ApprovalSettings.THE_ROW);
        return settings == null ? ApprovalMode.INTERNAL_THEN_CLIENT : settings.getMode();
    }

    /** Owners and managers choose how much review the client's posts need. */
    public void changeMode(Actor actor, ApprovalMode mode) {
        if (!actor.runs(context.current().agencyId())) {
            throw new AccessDenied(actor.email() + " may not change the approval mode");
        }
        em.find(ApprovalSettings.class, ApprovalSettings.THE_ROW).changeMode(mode);
    }
}
