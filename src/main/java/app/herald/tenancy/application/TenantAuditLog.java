package app.herald.tenancy.application;

import app.herald.tenancy.domain.AuditEntry;
import app.herald.tenancy.domain.TenantDb;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The audit log of the tenant the request is bound to. */
@Stateless
public class TenantAuditLog {

    @Inject
    @TenantDb
    EntityManager em;

    public AuditEntry record(String actor, String action, String subject, String detail) {
        AuditEntry entry = new AuditEntry(Instant.now(), actor, action, subject, detail);
        em.persist(entry);
        return entry;
    }

    public List<AuditEntry> recent(int max) {
        return em.createNamedQuery("AuditEntry.recent", AuditEntry.class).setMaxResults(max).getResultList();
    }

    public Optional<AuditEntry> find(long entryId) {
        return Optional.ofNullable(em.find(AuditEntry.class, entryId));
    }
}
