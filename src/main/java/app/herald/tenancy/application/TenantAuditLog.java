package app.herald.tenancy.application;

import app.herald.tenancy.domain.AuditEntry;
import app.herald.tenancy.domain.AuditFilter;
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

    /** Entries matching the filter, newest first, at most {@code max}. */
    public List<AuditEntry> search(AuditFilter filter, int max) {
        StringBuilder jpql = new StringBuilder("SELECT e FROM AuditEntry e WHERE e.occurredAt >= :from AND e.occurredAt < :until");
        if (filter.actor() != null) {
            jpql.append(" AND LOWER(e.actor) LIKE :actor");
        }
        if (filter.action() != null) {
            jpql.append(" AND e.action = :action");
        }
        var query = em.createQuery(jpql.append(" ORDER BY e.occurredAt DESC, e.id DESC").toString(), AuditEntry.class)
                .setParameter("from", filter.from().toEpochMilli()).setParameter("until", filter.until().toEpochMilli())
                .setMaxResults(max);
        if (filter.actor() != null) {
            query.setParameter("actor", "%" + filter.actor().toLowerCase(java.util.Locale.ROOT) + "%");
        }
        if (filter.action() != null) {
            query.setParameter("action", filter.action());
        }
        return query.getResultList();
    }

    public List<String> actions() {
        return em.createQuery("SELECT DISTINCT e.action FROM AuditEntry e ORDER BY e.action", String.class).getResultList();
    }

    public Optional<AuditEntry> find(long entryId) {
        return Optional.ofNullable(em.find(AuditEntry.class, entryId));
    }
}
