package app.herald.tenancy.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Makes each request's {@link TenantContext}. Produced rather than a managed bean of its own: for every new managed
 * bean instance Payara looks for resources to inject (annotations read by reflection, names looked up), and a job
 * enters its tenant in a request of its own, so that search cost about 3 % of a publishing node's CPU for a class
 * that has nothing to inject (ADR 0032).
 */
@ApplicationScoped
class TenantContextProducer {

    @Produces
    @RequestScoped
    TenantContext requestsTenant() {
        return new TenantContext();
    }
}
