package app.herald.tracking.application;

import app.herald.identity.domain.Actor;
import app.herald.tenancy.application.TenantGate;
import app.herald.tenancy.application.TenantRegistry;
import app.herald.tenancy.domain.Tenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Lets an anonymous request (a click, a conversion from the client's server) into one tenant as Herald's tracker,
 * through the same gate as everyone else. Only active tenants take clicks and conversions.
 */
@RequestScoped
public class TrackerEntry {

    @Inject
    TenantRegistry registry;
    @Inject
    TenantGate gate;

    /** Enters the tenant; false when it does not exist or is not active. */
    public boolean enter(long tenantId) {
        Optional<Tenant> tenant = registry.find(tenantId).filter(Tenant::isActive);
        if (tenant.isEmpty()) {
            return false;
        }
        gate.enter(Actor.system(tenant.get().getAgencyId(), tenantId, "tracker@herald"), tenantId);
        return true;
    }
}
