package app.herald.tenancy.application;

import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The only way into a tenant. Whatever id a request carries (URL, form field, bookmark), the tenant is looked up on
 * the server and the actor's membership decides; then the request is bound to it. How a tenant stands is read
 * through {@link TenantStandings}: a change on another node is seen within a second.
 */
@ApplicationScoped
public class TenantGate {

    @Inject
    TenantStandings standings;
    @Inject
    TenantContext context;
    @Inject
    TenantSchemaStatus status;

    public TenantRef enter(Actor actor, long tenantId) {
        TenantRef admitted = admit(actor, tenantId);
        context.bind(admitted);
        return admitted;
    }

    /**
     * The same checks as {@link #enter} without binding the request: for plain SQL that works on several tenants'
     * rows in one transaction, each part qualified by the schema this answers (ADR 0033). Never for anything that
     * uses a tenant EntityManager, which reads the bound tenant.
     */
    public TenantRef admit(Actor actor, long tenantId) {
        TenantStandings.Standing tenant = standings.of(tenantId)
                .filter(t -> actor.mayOpen(tenantId, t.agencyId()))
                .orElseThrow(() -> new AccessDenied("No client workspace " + tenantId + " for " + actor.email()));
        if (!tenant.active()) {
            throw new TenantUnavailable(tenant.name() + " is deactivated. An owner or manager can reactivate it.");
        }
        if (!tenant.agencyActive()) {
            if (actor.isSystem()) {
                throw new TenantUnavailable("The agency of " + tenant.name() + " is suspended.");
            }
            throw new AccessDenied("Agency of tenant " + tenantId + " is suspended");
        }
        if (!status.isMigrated(tenantId)) {
            throw new TenantUnavailable(tenant.name() + " is being updated. Please try again in a minute.");
        }
        return tenant.ref();
    }
}
