package app.herald.engagement.application;

import app.herald.engagement.domain.ConversationState;
import app.herald.kernel.sql.Jdbc;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.application.WorkspaceBadges;
import app.herald.tenancy.domain.TenantDb;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The number of conversations that wait for an answer (NEW) in each client's inbox, for menus: recounted in the
 * current client's schema and kept in the platform's {@code inbox_count} in the transaction that changed it, so that
 * a menu reads every client's number in one query.
 */
@ApplicationScoped
public class InboxBadges implements WorkspaceBadges {

    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;
    @Inject
    TenantContext context;
    @Inject
    @TenantDb
    EntityManager em;

    /** Recounts the current client's waiting conversations, in the caller's transaction. */
    public void recount() {
        long waiting = em.createNamedQuery("Conversation.countInState", Long.class)
                .setParameter("state", ConversationState.NEW).getSingleResult();
        long now = System.currentTimeMillis();
        Jdbc.update(dataSource, "INSERT INTO inbox_count (tenant_id, waiting, updated_at) VALUES (?, ?, ?) "
                + "ON DUPLICATE KEY UPDATE waiting = ?, updated_at = ?", context.current().id(), waiting, now, waiting, now);
    }

    @Override
    public Map<Long, Integer> waiting(Collection<Long> tenantIds) {
        Map<Long, Integer> found = new HashMap<>();
        List<Long> ids = List.copyOf(tenantIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
            Jdbc.list(dataSource, "SELECT tenant_id, waiting FROM inbox_count WHERE waiting > 0 AND tenant_id IN ("
                    + marks + ")", row -> found.put(row.getLong(1), row.getInt(2)), part.toArray());
        }
        return found;
    }
}
