package app.herald.tenancy.application;

import app.herald.kernel.paging.PageRequest;
import app.herald.kernel.paging.PagedQuery;
import app.herald.tenancy.domain.AuditEntry;
import app.herald.tenancy.domain.AuditFilter;
import app.herald.tenancy.domain.TenantDb;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The audit log of the tenant the request is bound to. A CDI bean under the platform's transaction interceptor: most
 * entries are written inside a service's transaction, where an EJB call would cost the container's whole invocation
 * for nothing (ADR 0032).
 */
@ApplicationScoped
@Transactional
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

    /** How many entries match the filter. */
    public long count(AuditFilter filter) {
        return matching(filter).count(em);
    }

    /** One page of them, newest first unless sorted by time, person or action. */
    public List<AuditEntry> page(AuditFilter filter, PageRequest request) {
        return matching(filter).rows(em, request);
    }

    /** Every entry matching the filter, newest first, for an export; refused when there are more than {@code max}. */
    public List<AuditEntry> export(AuditFilter filter, int max) {
        return matching(filter).everything(em, max);
    }

    private PagedQuery<AuditEntry> matching(AuditFilter filter) {
        PagedQuery<AuditEntry> matching = PagedQuery.of(AuditEntry.class, "e", "The audit log")
                .where("e.occurredAt >= :from AND e.occurredAt < :until", "from", filter.from().toEpochMilli(),
                        "until", filter.until().toEpochMilli())
                .orderedBy("e.occurredAt DESC").sortable("occurredAt", "e.occurredAt").sortable("actor", "e.actor")
                .sortable("action", "e.action");
        if (filter.actor() != null) {
            matching.containing(filter.actor(), "e.actor");
        }
        if (filter.action() != null) {
            matching.where("e.action = :action", "action", filter.action());
        }
        return matching;
    }

    public List<String> actions() {
        return em.createQuery("SELECT DISTINCT e.action FROM AuditEntry e ORDER BY e.action", String.class).getResultList();
    }

    public Optional<AuditEntry> find(long entryId) {
        return Optional.ofNullable(em.find(AuditEntry.class, entryId));
    }
}
