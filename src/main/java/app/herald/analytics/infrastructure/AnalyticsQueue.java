package app.herald.analytics.infrastructure;

import app.herald.analytics.domain.AnalyticsJob;
import app.herald.kernel.sql.Jdbc;
import app.herald.jobs.infrastructure.Leases;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * The analytics work queue (platform table analytics_job), claimed with a lease like the publish queue: any node may
 * take any job, and a dead node's jobs are taken over when their lease ends. Writes after the claim are fenced by the
 * node's name. Enqueueing joins the caller's transaction, so a job exists exactly when what it works on does.
 */
@Stateless
public class AnalyticsQueue {

    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;

    /**
     * Plans (or re-plans) the job for a subject: its next step falls due then. An upsert on the subject's unique key:
     * an update of a missing row followed by an insert would take gap locks that concurrent planners wait on.
     */
    public void plan(long tenantId, AnalyticsJob.Kind kind, long subjectId, int step, Instant due) {
        long now = System.currentTimeMillis();
        update("INSERT INTO analytics_job (tenant_id, kind, subject_id, step, due_at, state, attempts, created_at, "
                + "updated_at) VALUES (?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?) ON DUPLICATE KEY UPDATE step = ?, due_at = ?, "
                + "state = CASE WHEN state = 'CLAIMED' THEN state ELSE 'QUEUED' END, last_error = NULL, updated_at = ?",
                tenantId, kind.name(), subjectId, step, due.toEpochMilli(), now, now, step, due.toEpochMilli(), now);
    }

    /** Plans the job unless the subject already has one (a channel's daily reading keeps its own rhythm). */
    public void planOnce(long tenantId, AnalyticsJob.Kind kind, long subjectId, Instant due) {
        long now = System.currentTimeMillis();
        update("INSERT INTO analytics_job (tenant_id, kind, subject_id, step, due_at, state, attempts, created_at, "
                + "updated_at) VALUES (?, ?, ?, 0, ?, 'QUEUED', 0, ?, ?) ON DUPLICATE KEY UPDATE subject_id = subject_id",
                tenantId, kind.name(), subjectId, due.toEpochMilli(), now, now);
    }

    /** Drops a subject's job (a deleted schedule, a disconnected channel). */
    public void drop(long tenantId, AnalyticsJob.Kind kind, long subjectId) {
        update("DELETE FROM analytics_job WHERE tenant_id = ? AND kind = ? AND subject_id = ? AND state <> 'CLAIMED'",
                tenantId, kind.name(), subjectId);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<AnalyticsJob> claim(String node, Instant now, Instant leaseUntil, int max) {
        try (Connection connection = dataSource.getConnection()) {
            String columns = "id, tenant_id, kind, subject_id, step, due_at, state, attempts, claimed_until";
            List<AnalyticsJob> won = new ArrayList<>(Leases.claim(connection, "analytics_job", "SELECT " + columns
                    + " FROM analytics_job WHERE state = 'QUEUED' AND due_at <= ? ORDER BY due_at LIMIT ?",
                    now.toEpochMilli(), max, node, leaseUntil, AnalyticsQueue::job));
            if (won.size() < max) {
                won.addAll(Leases.claim(connection, "analytics_job", "SELECT " + columns + " FROM analytics_job "
                        + "WHERE state = 'CLAIMED' AND claimed_until < ? ORDER BY claimed_until LIMIT ?",
                        now.toEpochMilli(), max - won.size(), node, leaseUntil, AnalyticsQueue::job));
            }
            return won;
        } catch (SQLException e) {
            throw new IllegalStateException("Claiming analytics jobs failed", e);
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int renew(String node, Collection<Long> jobIds, Instant leaseUntil) {
        if (jobIds.isEmpty()) {
            return 0;
        }
        String ids = String.join(",", jobIds.stream().map(String::valueOf).toList());
        return update("UPDATE analytics_job SET claimed_until = ? WHERE claimed_by = ? AND state = 'CLAIMED' "
                + "AND id IN (" + ids + ")", leaseUntil.toEpochMilli(), node);
    }

    /** Hands the job back for its next step (or the same step, to retry) at {@code due}; fenced by the node. */
    public boolean next(String node, long jobId, int step, Instant due, String lastError) {
        return update("UPDATE analytics_job SET state = 'QUEUED', step = ?, due_at = ?, claimed_by = NULL, "
                + "claimed_until = NULL, last_error = ?, updated_at = ?" + (lastError == null ? ", attempts = 0" : "")
                + " WHERE id = ? AND claimed_by = ? AND state = 'CLAIMED'", step, due.toEpochMilli(),
                clip(lastError), System.currentTimeMillis(), jobId, node) == 1;
    }

    /** Nothing more to do for the subject. */
    public boolean done(String node, long jobId, String lastError) {
        return update("UPDATE analytics_job SET state = 'DONE', claimed_by = NULL, claimed_until = NULL, "
                + "last_error = ?, updated_at = ? WHERE id = ? AND claimed_by = ? AND state = 'CLAIMED'",
                clip(lastError), System.currentTimeMillis(), jobId, node) == 1;
    }

    /** The problems of a tenant's analytics jobs that are waiting to be retried, most recent first. */
    public List<String> problems(long tenantId, int max) {
        return Jdbc.list(dataSource, "SELECT last_error FROM analytics_job WHERE tenant_id = ? AND last_error IS NOT "
                + "NULL ORDER BY updated_at DESC LIMIT ?", row -> row.getString(1), tenantId, max);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int purgeDone(Instant before) {
        return update("DELETE FROM analytics_job WHERE state = 'DONE' AND updated_at < ?", before.toEpochMilli());
    }

    private static AnalyticsJob job(ResultSet row) throws SQLException {
        return new AnalyticsJob(row.getLong("id"), row.getLong("tenant_id"),
                AnalyticsJob.Kind.valueOf(row.getString("kind")), row.getLong("subject_id"), row.getInt("step"),
                Instant.ofEpochMilli(row.getLong("due_at")), row.getInt("attempts") + 1);
    }

    private static String clip(String text) {
        return text == null ? null : text.substring(0, Math.min(text.length(), 2000));
    }

    private int update(String sql, Object... parameters) {
        return Jdbc.update(dataSource, sql, parameters);
    }
}
