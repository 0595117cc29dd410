package app.herald.approval.application;

import app.herald.approval.domain.ApprovalMode;
import app.herald.approval.domain.ApprovalPolicy;
import app.herald.approval.domain.ApprovalSettings;
import app.herald.approval.domain.ReviewStepSetting;
import app.herald.approval.domain.ReviewStep;
import app.herald.identity.application.Actors;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantDb;
import app.herald.tenancy.domain.TenantRef;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Set;

/**
 * The current tenant's approval policy: its mode and its internal review steps (stored in the tenant's schema); without
 * configured steps, one step whose approvers are the agency's owners and managers who may open the tenant, any one
 * of whom suffices.
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
    @Inject
    TenantAuditLog audit;

    public ApprovalPolicy current() {
        return forMode(mode());
    }

    /**
     * The tenant's review steps under another mode than its posts' (its inbox answers have a mode of their own): the
     * same steps, with or without the client at the end, or none.
     */
    public ApprovalPolicy forMode(ApprovalMode mode) {
        if (mode == ApprovalMode.NONE) {
            return ApprovalPolicy.none();
        }
        TenantRef tenant = context.current();
        Set<Long> runners = actors.runnersOf(tenant.agencyId(), tenant.id());
        if (runners.isEmpty()) {
            return ApprovalPolicy.none();
        }
        Set<Long> reviewers = actors.reviewersOf(tenant.agencyId(), tenant.id());
        List<ReviewStep> steps = new ArrayList<>();
        for (ReviewStepSetting setting : settings()) {
            // Approvers who left or lost access drop out; a step left empty falls to the owners and managers.
            Set<Long> still = setting.approvers().stream().filter(reviewers::contains).collect(Collectors.toSet());
            steps.add(new ReviewStep(setting.getName(), still.isEmpty() ? runners : still, setting.isEveryone()));
        }
        if (steps.isEmpty()) {
            steps.add(new ReviewStep(AGENCY_STEP, runners, false));
        }
        return new ApprovalPolicy(mode, steps);
    }

    public List<ReviewStepSetting> settings() {
        return em.createNamedQuery("ReviewStepSetting.all", ReviewStepSetting.class).getResultList();
    }

    /** Adds a step at the end; its approvers must be agency staff who may open the client. */
    public ReviewStepSetting addStep(Actor actor, String name, Set<Long> approvers, boolean everyone) {
        requireRunner(actor);
        TenantRef tenant = context.current();
        if (!actors.reviewersOf(tenant.agencyId(), tenant.id()).containsAll(approvers)) {
            throw new AccessDenied("Approvers must be staff who may open " + tenant.name());
        }
        ReviewStepSetting setting = new ReviewStepSetting(settings().size(), new ReviewStep(name, approvers, everyone));
        em.persist(setting);
        audit.record(actor.email(), "REVIEW_STEP_ADDED", "review", setting.getName());
        return setting;
    }

    public void removeStep(Actor actor, long stepId) {
        requireRunner(actor);
        java.util.Optional.ofNullable(em.find(ReviewStepSetting.class, stepId)).ifPresent(step -> {
            em.remove(step);
            audit.record(actor.email(), "REVIEW_STEP_REMOVED", "review", step.getName());
        });
    }

    private void requireRunner(Actor actor) {
        if (!actor.runs(context.current().agencyId())) {
            throw new AccessDenied(actor.email() + " may not change the review of " + context.current().id());
        }
    }

    public ApprovalMode mode() {
        ApprovalSettings settings = em.find(ApprovalSettings.class, ApprovalSettings.THE_ROW);
        return settings == null ? ApprovalMode.INTERNAL_THEN_CLIENT : settings.getMode();
    }

    /** Owners and managers choose how much review the client's posts need. */
    public void changeMode(Actor actor, ApprovalMode mode) {
        requireRunner(actor);
        em.find(ApprovalSettings.class, ApprovalSettings.THE_ROW).changeMode(mode);
    }
}
