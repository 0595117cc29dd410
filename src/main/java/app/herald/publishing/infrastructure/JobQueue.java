package app.herald.publishing.infrastructure;

import app.herald.publishing.domain.JobState;
import app.herald.publishing.domain.PublishJob;
import app.herald.jobs.infrastructure.Leases;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * The platform's publish queue in SQL. A claim takes due jobs and jobs whose lease ran out, in one short transaction
 * ({@link Leases}). Every write after the claim names the node, so a node whose lease was taken over cannot overwrite
 * the new owner's work.
 */
@Stateless
public class JobQueue {

    private static final String COLUMNS = "id, tenant_id, publication_id, due_at, state, attempts, idempotency_key";

    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;

    /**
     * Queues a publication, or moves its job to a new due time; joins the caller's transaction. One upsert: an update
     * of a missing row and then an insert would take a gap lock (REPEATABLE READ) that concurrent approvals wait on.
     */
    public void enqueue(long tenantId, long publicationId, Instant due, String idempotencyKey) {
        long now = System.currentTimeMillis();
        run("INSERT INTO publish_job (tenant_id, publication_id, due_at, state, attempts, idempotency_key, created_at, "
                + "updated_at) VALUES (?, ?, ?, 'QUEUED', 0, ?, ?, ?) ON DUPLICATE KEY UPDATE due_at = ?, "
                + "state = CASE WHEN state = 'CLAIMED' THEN state ELSE 'QUEUED' END, last_error = NULL, updated_at = ?",
                upsert -> {
                    upsert.setLong(1, tenantId);
                    upsert.setLong(2, publicationId);
                    upsert.setLong(3, due.toEpochMilli());
                    upsert.setString(4, idempotencyKey);
                    upsert.setLong(5, now);
                    upsert.setLong(6, now);
                    upsert.setLong(7, due.toEpochMilli());
                    upsert.setLong(8, now);
                    return upsert.executeUpdate();
                });
    }

    /** Nothing left to do for the publication (cancelled); joins the caller's transaction. */
    public void settle(long tenantId, long publicationId) {
        run("UPDATE publish_job SET state = 'DONE', claimed_by = NULL, claimed_until = NULL, updated_at = ? "
                + "WHERE tenant_id = ? AND publication_id = ? AND state <> 'CLAIMED'", update -> {
            update.setLong(1, System.currentTimeMillis());
            update.setLong(2, tenantId);
            update.setLong(3, publicationId);
            return update.executeUpdate();
        });
    }

    /**
     * Claims up to {@code max} jobs due by {@code horizon} (and jobs whose lease ended before {@code now}) for
     * {@code node}, leased until {@code leaseUntil}, earliest first.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<PublishJob> claim(String node, Instant now, Instant horizon, Instant leaseUntil, int max) {
        try (Connection connection = dataSource.getConnection()) {
            List<PublishJob> claimed = new ArrayList<>();
            String due = "SELECT " + COLUMNS + ", claimed_until FROM publish_job WHERE state IN ('QUEUED', 'RETRY_WAIT') "
                    + "AND due_at <= ? ORDER BY due_at LIMIT ?";
            String expired = "SELECT " + COLUMNS + ", claimed_until FROM publish_job WHERE state = 'CLAIMED' "
                    + "AND claimed_until < ? ORDER BY claimed_until LIMIT ?";
            claimed.addAll(claimFrom(connection, due, horizon.toEpochMilli(), node, leaseUntil, max));
            if (claimed.size() < max) {
                claimed.addAll(claimFrom(connection, expired, now.toEpochMilli(), node, leaseUntil, max - claimed.size()));
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("Claiming publish jobs failed", e);
        }
    }

    private List<PublishJob> claimFrom(Connection connection, String select, long bound, String node,
                                       Instant leaseUntil, int max) throws SQLException {
        return Leases.claim(connection, "publish_job", select, bound, max, node, leaseUntil, row -> {
            PublishJob j = job(row);
            return new PublishJob(j.id(), j.tenantId(), j.publicationId(), j.dueAt(), j.attempts() + 1,
                    j.idempotencyKey());
        });
    }

    /** Extends the leases of the jobs this node is working on; returns how many it still holds. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int renew(String node, Collection<Long> jobIds, Instant leaseUntil) {
        if (jobIds.isEmpty()) {
            return 0;
        }
        String ids = String.join(",", jobIds.stream().map(String::valueOf).toList());
        return run("UPDATE publish_job SET claimed_until = ? WHERE claimed_by = ? AND state = 'CLAIMED' AND id IN ("
                + ids + ")", update -> {
            update.setLong(1, leaseUntil.toEpochMilli());
            update.setString(2, node);
            return update.executeUpdate();
        });
    }

    /**
     * Confirms that this node still holds the job and extends its lease, right before it talks to the network; joins
     * the caller's transaction so that the publication's PUBLISHING state commits with it.
     */
    public boolean holds(String node, long jobId, Instant leaseUntil) {
        return run("UPDATE publish_job SET claimed_until = ? WHERE id = ? AND claimed_by = ? AND state = 'CLAIMED'",
                update -> {
                    update.setLong(1, leaseUntil.toEpochMilli());
                    update.setLong(2, jobId);
                    update.setString(3, node);
                    return update.executeUpdate() == 1;
                });
    }

    /** Gives the job back: waiting for {@code nextDue}, or DONE. Joins the caller's transaction. */
    public boolean release(String node, long jobId, JobState state, Instant nextDue, String lastError) {
        return run("UPDATE publish_job SET state = ?, due_at = ?, claimed_by = NULL, claimed_until = NULL, "
                + "last_error = ?, updated_at = ? WHERE id = ? AND claimed_by = ? AND state = 'CLAIMED'", update -> {
            update.setString(1, state.name());
            update.setLong(2, nextDue.toEpochMilli());
            update.setString(3, lastError == null ? null : lastError.substring(0, Math.min(lastError.length(), 2000)));
            update.setLong(4, System.currentTimeMillis());
            update.setLong(5, jobId);
            update.setString(6, node);
            return update.executeUpdate() == 1;
        });
    }

    /** Removes settled jobs older than the given instant, so that the queue stays small. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int purgeDone(Instant before) {
        return run("DELETE FROM publish_job WHERE state = 'DONE' AND updated_at < ?", delete -> {
            delete.setLong(1, before.toEpochMilli());
            return delete.executeUpdate();
        });
    }

    private static PublishJob job(ResultSet row) throws SQLException {
        return new PublishJob(row.getLong("id"), row.getLong("tenant_id"), row.getLong("publication_id"),
                Instant.ofEpochMilli(row.getLong("due_at")), row.getInt("attempts"), row.getString("idempotency_key"));
    }

    private <T> T run(String sql, Statement<T> work) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            return work.apply(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("Publish queue: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Statement<T> {
        T apply(PreparedStatement statement) throws SQLException;
    }
}
