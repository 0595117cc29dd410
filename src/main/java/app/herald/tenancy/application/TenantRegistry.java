package app.herald.tenancy.application;

import app.herald.tenancy.domain.Tenant;
import jakarta.ejb.Stateless;
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
