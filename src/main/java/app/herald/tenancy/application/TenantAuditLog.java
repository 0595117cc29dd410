package app.herald.tenancy.application;

import app.herald.kernel.paging.PageRequest;
import app.herald.kernel.paging.PagedQuery;
import app.herald.kernel.sql.Jdbc;
import app.herald.tenancy.domain.AuditEntry;
import app.herald.tenancy.domain.AuditFilter;
import app.herald.tenancy.domain.TenantDb;
import app.herald.tenancy.domain.TenantRef;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

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
    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;

    public AuditEntry record(String actor, String action, String subject, String detail) {
        AuditEntry entry = new AuditEntry(Instant.now(), actor, action, subject, detail);
        em.persist(entry);
        return entry;
    }

    /**
     * As {@link #record} in {@code tenant}'s log, in plain SQL and without a bound tenant: for a transaction that
     * records several tenants' work (ADR 0033). The entry is made by {@link AuditEntry} as any other, so it reads the
     * same.
     */
    public void recordIn(TenantRef tenant, String actor, String action, String subject, String detail) {
        AuditEntry entry = new AuditEntry(Instant.now(), actor, action, subject, detail);
        Jdbc.update(dataSource, "INSERT INTO " + tenant.schema().value() + ".audit_entry (occurred_at, actor, "
                + "action, subject, detail) VALUES (?, ?, ?, ?, ?)", entry.getOccurredAt().toEpochMilli(),
                entry.getActor(), entry.getAction(), entry.getSubject(), entry.getDetail());
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
