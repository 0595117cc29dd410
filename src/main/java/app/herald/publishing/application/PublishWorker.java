package app.herald.publishing.application;

import app.herald.identity.domain.Actor;
import app.herald.publishing.domain.JobState;
import app.herald.publishing.domain.AttemptRun;
import app.herald.publishing.domain.NetworkConnector;
import app.herald.publishing.domain.PublishJob;
import app.herald.publishing.domain.PublishResult;
import app.herald.publishing.infrastructure.JobQueue;
import app.herald.tenancy.application.TenantRegistry;
import app.herald.tenancy.application.TenantWork;
import app.herald.tenancy.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Works one claimed job on a pool thread: enters the job's tenant as Herald's publisher, and between the two short
 * transactions of {@link PublishSteps} asks the network whether an earlier attempt arrived (when one may have) and
 * publishes. A connector's own bug counts as "unconfirmed": Herald cannot know whether the request went out.
 */
@ApplicationScoped
public class PublishWorker {

    private static final Logger LOG = Logger.getLogger(PublishWorker.class.getName());
    private static final Duration TENANT_UNAVAILABLE_WAIT = Duration.ofMinutes(5);

    @Inject
    TenantRegistry registry;
    @Inject
    TenantWork tenants;
    @Inject
    PublishSteps steps;
    @Inject
    Connectors connectors;
    @Inject
    JobQueue queue;

    public void work(PublishJob job, String node, Supplier<Instant> leaseEnd) {
        Optional<Tenant> tenant = registry.find(job.tenantId());
        if (tenant.isEmpty()) {
            queue.release(node, job.id(), JobState.DONE, Instant.now(), "The client was deleted.");
            return;
        }
        Actor publisher = Actor.system(tenant.get().getAgencyId(), job.tenantId(), "publisher@herald");
        try {
            tenants.here(publisher, job.tenantId(), ref -> {
                steps.begin(job, node, leaseEnd.get()).ifPresent(prepared ->
                        steps.finish(job, node, prepared, call(prepared)));
                return null;
            });
        } catch (RuntimeException e) {
            // The client is deactivated, being migrated, or its agency suspended: try again later, keep the reason.
            LOG.log(Level.WARNING, "Publish job " + job.id() + " of tenant " + job.tenantId() + " put back: "
                    + e.getMessage(), e);
            queue.release(node, job.id(), JobState.RETRY_WAIT, Instant.now().plus(TENANT_UNAVAILABLE_WAIT),
                    e.getMessage());
        }
    }

    private PublishResult call(PublishSteps.Prepared prepared) {
        Optional<NetworkConnector> found = connectors.of(prepared.channel().getNetwork());
        if (found.isEmpty()) {
            return new PublishResult.Rejected("Herald cannot publish to " + prepared.channel().getNetwork().label()
                    + " yet.");
        }
        NetworkConnector connector = found.get();
        List<String> problems = connector.validate(prepared.outgoing());
        if (!problems.isEmpty()) {
            return new PublishResult.Rejected(String.join(" ", problems));
        }
        try {
            return AttemptRun.run(connector, prepared.access(), prepared.outgoing(), prepared.attempt());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Connector for " + connector.network() + " failed", e);
            return new PublishResult.Unconfirmed("Herald had an internal error while publishing (" + e + "). It "
                    + "checks with the network before it tries again.");
        }
    }
}
