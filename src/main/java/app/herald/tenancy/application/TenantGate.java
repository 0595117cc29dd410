package app.herald.tenancy.application;

import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.identity.application.AgencyDirectory;
import app.herald.tenancy.domain.Tenant;
import app.herald.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The only way into a tenant. Whatever id a request carries (URL, form field, bookmark), the tenant is looked up on
 * the server and the actor's membership decides; then the request is bound to it.
 */
@ApplicationScoped
public class TenantGate {

    @Inject
    TenantRegistry registry;
    @Inject
    TenantContext context;
    @Inject
    TenantSchemaStatus status;
    @Inject
    AgencyDirectory agencies;

    public TenantRef enter(Actor actor, long tenantId) {
        Tenant tenant = registry.find(tenantId)
                .filter(t -> actor.mayOpen(t.getId(), t.getAgencyId()))
                .orElseThrow(() -> new AccessDenied("No client workspace " + tenantId + " for " + actor.email()));
        if (!tenant.isActive()) {
            throw new TenantUnavailable(tenant.getName() + " is deactivated. An owner or manager can reactivate it.");
        }
        if (!agencies.isActive(tenant.getAgencyId())) {
            if (actor.isSystem()) {
                throw new TenantUnavailable("The agency of " + tenant.getName() + " is suspended.");
            }
            throw new AccessDenied("Agency of tenant " + tenantId + " is suspended");
        }
        if (!status.isMigrated(tenant.getId())) {
            throw new TenantUnavailable(tenant.getName() + " is being updated. Please try again in a minute.");
        }
        TenantRef ref = tenant.ref();
        context.bind(ref);
        return ref;
    }
}
