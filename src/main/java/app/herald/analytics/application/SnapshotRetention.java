package app.herald.analytics.application;

import app.herald.analytics.infrastructure.RollupStore;
import app.herald.identity.domain.Actor;
import app.herald.tenancy.application.TenantRegistry;
import app.herald.tenancy.application.TenantUnavailable;
import app.herald.tenancy.application.TenantWork;
import app.herald.tenancy.domain.Tenant;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Raw snapshots are kept for herald.analytics.snapshot-retention-days (a post's curve on its detail page); the rollups
 * and each post's lifetime numbers, which dashboards and reports read, are kept for good.
 */
@Stateless
public class SnapshotRetention {

    private static final Logger LOG = Logger.getLogger(SnapshotRetention.class.getName());

    @Inject
    RollupStore rollups;
    @Inject
    TenantRegistry registry;
    @Inject
    TenantWork work;
    @Inject
    @ConfigProperty(name = "herald.analytics.snapshot-retention-days", defaultValue = "400")
    int retentionDays;
    @Resource
    SessionContext self;

    /** In the current tenant: removes snapshots older than the given instant; one transaction. */
    public int purge(Instant before) {
        return rollups.purgeSnapshots(before);
    }

    /** In every active tenant, one transaction each; a tenant that is unavailable now is purged next time. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void purgeEveryTenant() {
        Instant before = Instant.now().minus(Duration.ofDays(retentionDays));
        for (Tenant tenant : registry.all()) {
            if (!tenant.isActive()) {
                continue;
            }
            try {
                int removed = work.in(Actor.system(tenant.getAgencyId(), tenant.getId(), AnalyticsHandler.ANALYST),
                        tenant.getId(), ref -> self.getBusinessObject(SnapshotRetention.class).purge(before));
                if (removed > 0) {
                    LOG.info(() -> "Removed " + removed + " old snapshots of tenant " + tenant.getId());
                }
            } catch (TenantUnavailable e) {
                LOG.info(() -> "Snapshots of tenant " + tenant.getId() + " are purged next time: " + e.getMessage());
            }
        }
    }
}
