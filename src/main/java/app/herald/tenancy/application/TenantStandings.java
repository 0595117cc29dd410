package app.herald.tenancy.application;

import app.herald.identity.application.AgencyDirectory;
import app.herald.tenancy.domain.Tenant;
import app.herald.tenancy.domain.TenantRef;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How each tenant stands (its agency, whether it and its agency are active, its schema and zone), as the gate asks on
 * every entry: read from the platform schema at most once per {@code herald.tenancy.standing-millis} (one second) per
 * tenant rather than two queries per entry, which were most of what a publication asked of the platform. A change
 * made on this node (a client deactivated, renamed or deleted, an agency suspended) forgets what was kept at once;
 * other nodes read it again within the second.
 */
@ApplicationScoped
public class TenantStandings {

    @Inject
    TenantRegistry registry;
    @Inject
    AgencyDirectory agencies;
    @Inject
    @ConfigProperty(name = "herald.tenancy.standing-millis", defaultValue = "1000")
    long keepMillis;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final Map<Long, Standing> kept = new ConcurrentHashMap<>();

    /** A tenant's standing when it was read, or empty when no such tenant is registered. */
    public record Standing(TenantRef ref, boolean active, boolean agencyActive, long readAtNanos) {

        public long agencyId() {
            return ref.agencyId();
        }

        public String name() {
            return ref.name();
        }
    }

    public Optional<Standing> of(long tenantId) {
        long now = System.nanoTime();
        Standing standing = kept.get(tenantId);
        if (standing != null && now - standing.readAtNanos() < keepMillis * 1_000_000L) {
            return Optional.of(standing);
        }
        Optional<Standing> read = registry.find(tenantId).map(t -> standingOf(t, now));
        read.ifPresentOrElse(s -> kept.put(tenantId, s), () -> kept.remove(tenantId));
        return read;
    }

    private Standing standingOf(Tenant tenant, long now) {
        return new Standing(tenant.ref(), tenant.isActive(), agencies.isActive(tenant.getAgencyId()), now);
    }

    /** The tenant changes in the caller's transaction: the next entry after it ends reads the tenant again. */
    public void forget(long tenantId) {
        forgetting(() -> kept.remove(tenantId));
    }

    /** The agency's standing changes in the caller's transaction: every entry into its tenants after it reads again. */
    public void forgetAgency(long agencyId) {
        forgetting(() -> kept.values().removeIf(s -> s.agencyId() == agencyId));
    }

    /** Now, and again when the transaction ends, so that no entry meanwhile keeps what it read before the commit. */
    private void forgetting(Runnable forget) {
        forget.run();
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    forget.run();
                }
            });
        }
    }
}
