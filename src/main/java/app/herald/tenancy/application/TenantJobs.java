package app.herald.tenancy.application;

import app.herald.identity.domain.Actor;
import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.Outcome;
import app.herald.tenancy.domain.Tenant;
import app.herald.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Runs a tenant's job inside that tenant, entered through the gate as Herald itself (the publisher, the analyst, ...).
 * A tenant that is gone ends the job; one that is deactivated, being migrated or whose agency is suspended makes the
 * job wait and try again. Anything else the work throws goes to the job engine, which tells errors from such waits.
 */
@ApplicationScoped
public class TenantJobs {

    private static final Logger LOG = Logger.getLogger(TenantJobs.class.getName());

    @Inject
    TenantRegistry registry;
    @Inject
    TenantWork work;

    public Outcome run(Job job, String as, Duration waitWhenUnavailable, Function<TenantRef, Outcome> inTenant) {
        Optional<Tenant> tenant = registry.find(job.tenantId());
        if (tenant.isEmpty()) {
            return Outcome.done("The client was deleted.");
        }
        Actor herald = Actor.system(tenant.get().getAgencyId(), job.tenantId(), as);
        try {
            return work.here(herald, job.tenantId(), inTenant);
        } catch (TenantUnavailable e) {
            LOG.info(() -> "Job " + job.id() + " (" + job.queue() + "/" + job.kind() + ") of tenant " + job.tenantId()
                    + " waits: " + e.getMessage());
            return Outcome.retry(Instant.now().plus(waitWhenUnavailable), e.getMessage());
        }
    }
}
