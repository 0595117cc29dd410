package app.herald.tenancy.application;

import app.herald.tenancy.domain.Tenant;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The platform's list of tenants: which agency owns each, and which schema holds its data. */
@Stateless
public class TenantRegistry {

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    public Optional<Tenant> find(long tenantId) {
        return Optional.ofNullable(em.find(Tenant.class, tenantId));
    }

    public List<Tenant> ofAgency(long agencyId) {
        return em.createNamedQuery("Tenant.ofAgency", Tenant.class).setParameter("agencyId", agencyId).getResultList();
    }

    /**
     * Every tenant's handle and whether it is active, read as columns (no logo), for the gate's standings; outside the
     * caller's transaction, so that what it has not committed is never kept for others.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<TenantStandings.Registered> registered() {
        return em.createNamedQuery("Tenant.standings", Object[].class).getResultList().stream()
                .map(row -> new TenantStandings.Registered((Long) row[0], (Long) row[1], (String) row[2],
                        (String) row[3], (String) row[4], (Tenant.State) row[5])).toList();
    }

    public List<Tenant> all() {
        return em.createNamedQuery("Tenant.all", Tenant.class).getResultList();
    }

    public boolean nameTaken(long agencyId, String name, long exceptTenantId) {
        return em.createNamedQuery("Tenant.countByName", Long.class).setParameter("agencyId", agencyId)
                .setParameter("name", name).setParameter("id", exceptTenantId).getSingleResult() > 0;
    }

    public Tenant register(Tenant tenant) {
        em.persist(tenant);
        em.flush();
        return tenant;
    }

    public void recordVersion(long tenantId, String version) {
        find(tenantId).ifPresent(t -> t.migratedTo(version));
    }

    public void remove(long tenantId) {
        find(tenantId).ifPresent(em::remove);
    }
}
