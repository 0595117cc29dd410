package app.herald.tenancy.application;

import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.Outcome;
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
    TenantStandings standings;
    @Inject
    TenantWork work;
    @Inject
    TenantGate gate;

    public Outcome run(Job job, String as, Duration waitWhenUnavailable, Function<TenantRef, Outcome> inTenant) {
        return run(job, as, waitWhenUnavailable, inTenant, Function.identity());
    }

    /**
     * The job's tenant as the gate would admit Herald into it as {@code as}, without entering it: for plain SQL that
     * records several tenants' jobs in one transaction (ADR 0033). Empty when the tenant is gone or may not be worked
     * in now (deactivated, its agency suspended, being migrated); the job is then worked alone through
     * {@link #run}, which says why.
     */
    public Optional<TenantRef> admitted(Job job, String as) {
        Optional<TenantStandings.Standing> tenant = standings.of(job.tenantId());
        if (tenant.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(gate.admit(Actor.system(tenant.get().agencyId(), job.tenantId(), as), job.tenantId()));
        } catch (TenantUnavailable | AccessDenied notNow) {
            return Optional.empty();
        }
    }

    /**
     * As {@link #run(Job, String, Duration, Function)} for work that answers more than an outcome (a step of a job
     * that goes on after it): a tenant that is gone or unavailable answers what {@code otherwise} makes of the
     * outcome the job gets then.
     */
    public <T> T run(Job job, String as, Duration waitWhenUnavailable, Function<TenantRef, T> inTenant,
                     Function<Outcome, T> otherwise) {
        Optional<TenantStandings.Standing> tenant = standings.of(job.tenantId());
        if (tenant.isEmpty()) {
            return otherwise.apply(Outcome.done("The client was deleted."));
        }
        Actor herald = Actor.system(tenant.get().agencyId(), job.tenantId(), as);
        try {
            return work.here(herald, job.tenantId(), inTenant);
        } catch (TenantUnavailable e) {
            LOG.info(() -> "Job " + job.id() + " (" + job.queue() + "/" + job.kind() + ") of tenant " + job.tenantId()
                    + " waits: " + e.getMessage());
            return otherwise.apply(Outcome.retry(Instant.now().plus(waitWhenUnavailable), e.getMessage()));
        }
    }
}
