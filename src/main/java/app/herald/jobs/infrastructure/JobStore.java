package app.herald.jobs.infrastructure;

import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.JobState;
import app.herald.jobs.domain.Outcome;
import app.herald.kernel.sql.Jdbc;
import app.herald.kernel.sql.SqlDialect;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The job table in SQL. Planning and finishing join the caller's transaction, so a job exists, moves on or ends
 * exactly when the work it belongs to commits; the engine's own releases run in short transactions of their own
 * (claiming and renewing leases are {@link JobClaims}). Leases are measured on the database's clock, so nodes whose
 * clocks differ agree on when a lease has run out; every write after a claim is fenced by the attempt's claim token.
 * A CDI bean under the platform's transaction interceptor rather than an EJB: a publication calls it three times
 * inside the transactions it already has, where an EJB call costs the container's whole invocation (ADR 0032).
 */
@ApplicationScoped
@Transactional
public class JobStore {

    static final String COLUMNS = "id, queue, kind, tenant_id, subject_id, step, due_at, state, attempts, "
            + "claim_token, claimed_until";

    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;

    /**
     * Plans the job of a subject for {@code step} at {@code due}, or moves the one it has. One upsert on the subject's
     * key: an update of a missing row and then an insert would take a gap lock that concurrent planners wait on. A job
     * being worked on stays claimed; its attempt reads the new plan when it finishes.
     */
    public void plan(String queue, String kind, long tenantId, long subjectId, int step, Instant due) {
        long now = System.currentTimeMillis();
        Jdbc.update(dataSource, "INSERT INTO job (queue, kind, tenant_id, subject_id, step, due_at, state, attempts, "
                + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?) ON DUPLICATE KEY UPDATE "
                + "step = ?, due_at = ?, state = CASE WHEN state = 'CLAIMED' THEN state ELSE 'QUEUED' END, "
                + "attempts = CASE WHEN state = 'CLAIMED' THEN attempts ELSE 0 END, last_error = NULL, updated_at = ?",
                queue, kind, tenantId, subjectId, step, due.toEpochMilli(), now, now, step, due.toEpochMilli(), now);
    }

    /**
     * Plans the job unless the subject already has one (recurring work keeps its own rhythm). One that exists is seen
     * by a plain read, which locks nothing: an upsert would lock its row until the caller commits, and every
     * publication of a channel plans that channel's reading, so all of them would wait for each other. Answers
     * whether the subject had a job already.
     */
    public boolean planOnce(String queue, String kind, long tenantId, long subjectId, Instant due) {
        if (Jdbc.first(dataSource, "SELECT id FROM job WHERE queue = ? AND kind = ? AND tenant_id = ? AND "
                + "subject_id = ?", row -> row.getLong(1), queue, kind, tenantId, subjectId).isPresent()) {
            return true;
        }
        long now = System.currentTimeMillis();
        Jdbc.update(dataSource, "INSERT INTO job (queue, kind, tenant_id, subject_id, step, due_at, state, attempts, "
                + "created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, 'QUEUED', 0, ?, ?) ON DUPLICATE KEY UPDATE "
                + "subject_id = subject_id", queue, kind, tenantId, subjectId, due.toEpochMilli(), now, now);
        return false;
    }

    /** Drops a subject's job unless an attempt holds it now (that attempt finds its subject gone). */
    public void drop(String queue, String kind, long tenantId, long subjectId) {
        Jdbc.update(dataSource, "DELETE FROM job WHERE queue = ? AND kind = ? AND tenant_id = ? AND subject_id = ? "
                + "AND state <> 'CLAIMED'", queue, kind, tenantId, subjectId);
    }

    /** Ends a subject's job (its work was cancelled) unless an attempt holds it now. */
    public void settle(String queue, String kind, long tenantId, long subjectId) {
        Jdbc.update(dataSource, "UPDATE job SET state = 'DONE', updated_at = ? WHERE queue = ? AND kind = ? AND "
                + "tenant_id = ? AND subject_id = ? AND state <> 'CLAIMED'", System.currentTimeMillis(), queue, kind,
                tenantId, subjectId);
    }

    /** Every job of a tenant that is gone. */
    public void dropTenant(long tenantId) {
        Jdbc.update(dataSource, "DELETE FROM job WHERE tenant_id = ?", tenantId);
    }

    /** A subject's job as it stands, for screens and tests. */
    public Optional<Stored> find(String queue, String kind, long tenantId, long subjectId) {
        return Jdbc.first(dataSource, "SELECT " + COLUMNS + ", last_error FROM job WHERE queue = ? AND kind = ? AND "
                + "tenant_id = ? AND subject_id = ?", JobStore::stored, queue, kind, tenantId, subjectId);
    }

    /** What a job looks like in the table. */
    public record Stored(Job job, JobState state, Long claimedUntil, String lastError) {
    }

    /** The reasons of a tenant's jobs in a queue that wait for a retry or were given up, most recent first. */
    public List<String> problems(long tenantId, String queue, int max) {
        return Jdbc.list(dataSource, "SELECT last_error FROM job WHERE tenant_id = ? AND queue = ? AND last_error IS "
                + "NOT NULL AND state IN ('QUEUED', 'DEAD') ORDER BY updated_at DESC LIMIT ?", row -> row.getString(1),
                tenantId, queue, max);
    }

    /**
     * Confirms, inside the caller's transaction, that this attempt still holds its job and its lease has not run out
     * on the database's clock, and locks the row until that transaction ends: what the caller commits next (a
     * publication marked as being sent) can then not race a takeover.
     */
    public boolean holds(Job job) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE job SET updated_at = ? WHERE id = ? AND "
                     + "claim_token = ? AND state = 'CLAIMED' AND claimed_until > "
                     + SqlDialect.of(connection).nowMillis())) {
            return Jdbc.bind(update, System.currentTimeMillis(), job.id(), job.claimToken()).executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Checking the lease of job " + job.id() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * As {@link #holds} for several attempts, in one statement: whether every one of them still holds its job. Each
     * token belongs to one attempt at one job, so as many rows as attempts means each matched its own.
     */
    public boolean holdAll(List<Job> jobs) {
        if (jobs.isEmpty()) {
            return true;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE job SET updated_at = ? WHERE "
                     + fencedByTokens(jobs) + " AND claimed_until > " + SqlDialect.of(connection).nowMillis())) {
            update.setLong(1, System.currentTimeMillis());
            bindTokens(update, 2, jobs);
            return update.executeUpdate() == jobs.size();
        } catch (SQLException e) {
            throw new IllegalStateException("Checking the leases of " + jobs.size() + " jobs failed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * As {@link #finish} for several attempts, in the caller's transaction; answers whether every one still held its
     * job. The attempts that are simply done, the usual end, are finished in one statement.
     */
    public boolean finishAll(List<Job> jobs, List<Outcome> outcomes) {
        List<Job> done = new ArrayList<>();
        boolean all = true;
        for (int i = 0; i < jobs.size(); i++) {
            if (outcomes.get(i) instanceof Outcome.Done d && d.note() == null) {
                done.add(jobs.get(i));
            } else {
                all &= finish(jobs.get(i), outcomes.get(i));
            }
        }
        if (done.isEmpty()) {
            return all;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE job SET state = 'DONE', last_error = NULL, "
                     + "claim_token = NULL, claimed_by = NULL, claimed_until = NULL, updated_at = ? WHERE "
                     + fencedByTokens(done))) {
            update.setLong(1, System.currentTimeMillis());
            bindTokens(update, 2, done);
            return update.executeUpdate() == done.size() && all;
        } catch (SQLException e) {
            throw new IllegalStateException("Finishing " + done.size() + " jobs failed: " + e.getMessage(), e);
        }
    }

    private static String fencedByTokens(List<Job> jobs) {
        String each = String.join(", ", Collections.nCopies(jobs.size(), "?"));
        return "id IN (" + each + ") AND claim_token IN (" + each + ") AND state = 'CLAIMED'";
    }

    private static void bindTokens(PreparedStatement statement, int from, List<Job> jobs) throws SQLException {
        for (int i = 0; i < jobs.size(); i++) {
            statement.setLong(from + i, jobs.get(i).id());
            statement.setString(from + jobs.size() + i, jobs.get(i).claimToken());
        }
    }

    /**
     * Records what the attempt decided, in the caller's transaction, if the attempt still holds the job; answers
     * whether it did. A job already finished by this attempt, or taken over, is left as it is.
     */
    public boolean finish(Job job, Outcome outcome) {
        long now = System.currentTimeMillis();
        String fence = " WHERE id = ? AND claim_token = ? AND state = 'CLAIMED'";
        String release = "claim_token = NULL, claimed_by = NULL, claimed_until = NULL, updated_at = ?";
        int changed;
        if (outcome instanceof Outcome.Done done) {
            changed = Jdbc.update(dataSource, "UPDATE job SET state = 'DONE', last_error = ?, " + release + fence,
                    clip(done.note()), now, job.id(), job.claimToken());
        } else if (outcome instanceof Outcome.Next next) {
            changed = Jdbc.update(dataSource, "UPDATE job SET state = 'QUEUED', step = ?, due_at = ?, attempts = 0, "
                    + "last_error = NULL, " + release + fence, next.step(), next.due().toEpochMilli(), now, job.id(),
                    job.claimToken());
        } else if (outcome instanceof Outcome.Retry retry) {
            changed = Jdbc.update(dataSource, "UPDATE job SET state = 'QUEUED', due_at = ?, last_error = ?, " + release
                    + fence, retry.due().toEpochMilli(), clip(retry.reason()), now, job.id(), job.claimToken());
        } else {
            Outcome.Dead dead = (Outcome.Dead) outcome;
            changed = Jdbc.update(dataSource, "UPDATE job SET state = 'DEAD', last_error = ?, " + release + fence,
                    clip(dead.reason()), now, job.id(), job.claimToken());
        }
        return changed == 1;
    }

    /** As {@link #finish}, in a transaction of its own: the engine's record of an attempt that decided nothing. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean release(Job job, Outcome outcome) {
        return finish(job, outcome);
    }

    /** Removes jobs of a queue that ended before the given instants, a batch at a time so no lock is held long. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int purge(String queue, Instant doneBefore, Instant deadBefore, int batch) {
        return Jdbc.update(dataSource, "DELETE FROM job WHERE queue = ? AND ((state = 'DONE' AND updated_at < ?) OR "
                + "(state = 'DEAD' AND updated_at < ?)) LIMIT ?", queue, doneBefore.toEpochMilli(),
                deadBefore.toEpochMilli(), batch);
    }

    /** Per queue: jobs due now and not yet claimed, jobs overdue by more than {@code late}, and dead jobs. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<QueueCounts> counts(Duration late) {
        long now = System.currentTimeMillis();
        return Jdbc.list(dataSource, "SELECT queue, SUM(CASE WHEN state = 'QUEUED' AND due_at <= ? THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN state IN ('QUEUED', 'CLAIMED') AND due_at <= ? THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN state = 'DEAD' THEN 1 ELSE 0 END) FROM job GROUP BY queue",
                row -> new QueueCounts(row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4)),
                now, now - late.toMillis());
    }

    /** How one queue stands across the cluster. */
    public record QueueCounts(String queue, long due, long late, long dead) {
    }

    private static String clip(String text) {
        return text == null ? null : text.substring(0, Math.min(text.length(), 2000));
    }

    static Job job(ResultSet row) throws SQLException {
        return new Job(row.getLong("id"), row.getString("queue"), row.getString("kind"), row.getLong("tenant_id"),
                row.getLong("subject_id"), row.getInt("step"), Instant.ofEpochMilli(row.getLong("due_at")),
                row.getInt("attempts"), row.getString("claim_token"));
    }

    private static Stored stored(ResultSet row) throws SQLException {
        return new Stored(job(row), JobState.valueOf(row.getString("state")), Jdbc.longOrNull(row, "claimed_until"),
                row.getString("last_error"));
    }
}
