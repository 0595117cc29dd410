package app.herald.tenancy.application;

import app.herald.identity.application.AgencyDirectory;
import app.herald.kernel.Remembered;
import app.herald.tenancy.domain.SchemaName;
import app.herald.tenancy.domain.Tenant;
import app.herald.tenancy.domain.TenantRef;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How each tenant stands (its agency, whether it and its agency are active, its schema and zone), as the gate asks on
 * every entry. The whole platform's standings are read at most once per {@code herald.tenancy.standing-millis} (one
 * second), in two queries, rather than two queries on every entry, which were most of what a publication asked of
 * the platform. A change made on this node (a client deactivated, renamed or deleted, an agency suspended) makes the
 * next entry read again, also after the change commits; other nodes see it within the second. A tenant registered
 * since the last reading (or an id that names none) is read alone.
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

    private Remembered<Map<Long, Standing>> standings;

    /** A tenant's standing as read. */
    public record Standing(TenantRef ref, boolean active, boolean agencyActive) {

        public long agencyId() {
            return ref.agencyId();
        }

        public String name() {
            return ref.name();
        }
    }

    /** A tenant as the registry lists it, in plain columns. */
    public record Registered(long id, long agencyId, String name, String schemaName, String timeZone,
                             Tenant.State state) {
    }

    @PostConstruct
    void remember() {
        standings = new Remembered<>(this::readAll, Duration.ofMillis(keepMillis), transactions);
    }

    public Optional<Standing> of(long tenantId) {
        Standing standing = standings.get().get(tenantId);
        if (standing != null) {
            return Optional.of(standing);
        }
        return registry.find(tenantId).map(t -> new Standing(t.ref(), t.isActive(),
                agencies.isActive(t.getAgencyId())));
    }

    private Map<Long, Standing> readAll() {
        Set<Long> activeAgencies = agencies.activeIds();
        Map<Long, Standing> read = new HashMap<>();
        for (Registered tenant : registry.registered()) {
            try {
                TenantRef ref = Tenant.refOf(tenant.id(), tenant.agencyId(), tenant.name(), tenant.schemaName(),
                        tenant.timeZone());
                read.put(tenant.id(), new Standing(ref, Tenant.isActive(tenant.state()),
                        activeAgencies.contains(tenant.agencyId())));
            } catch (SchemaName.InvalidSchemaName | DateTimeException unusable) {
                // Left out: an entry into it reads it alone and is refused there, as any entry always was.
            }
        }
        return Map.copyOf(read);
    }

    /** A tenant or an agency changes in the caller's transaction: the next entry reads the standings again. */
    public void forget() {
        standings.forget();
    }
}
