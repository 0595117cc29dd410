package app.herald.jobs.infrastructure;

import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.JobState;
import app.herald.kernel.sql.Jdbc;
import app.herald.kernel.sql.SqlDialect;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The engine's side of the job table: claiming due jobs with a lease and renewing the leases of what a node holds,
 * each in a short transaction of its own. Leases are measured on the database's clock; every claim gives each job a
 * token of its own, which fences every write of that attempt afterwards ({@link JobStore}).
 */
@Stateless
public class JobClaims {

    private static final String COLUMNS = JobStore.COLUMNS;
    private static final SecureRandom TOKENS = new SecureRandom();

    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;

    /**
     * Claims up to {@code max} jobs of the queue that fall due by {@code horizon}, then jobs whose lease has run out,
     * each with a claim token of its own and a lease of {@code lease} on the database's clock. Earliest first; but when
     * more is due than one claim takes (a backlog), half of it goes to what fell due last, so that a post approved
     * for now or a retry does not wait behind the whole backlog. On MySQL and MariaDB the claim reads at READ
     * COMMITTED: its locks are the rows it takes, never the gaps between them, where a new approval would insert its
     * job and wait.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Job> claim(String queue, String node, Instant horizon, int max, Duration lease) {
        try (Connection connection = dataSource.getConnection()) {
            SqlDialect dialect = SqlDialect.of(connection);
            if (dialect.skipLocked()) {
                try (Statement first = connection.createStatement()) {
                    // Before the transaction's first read, which is when InnoDB starts it: applies to this one only.
                    first.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
                }
            }
            int oldestFirst = max == 1 ? 1 : max / 2;
            List<Job> claimed = new ArrayList<>(claimFrom(connection, dialect, node, lease, "SELECT " + COLUMNS
                    + " FROM job WHERE queue = ? AND state = 'QUEUED' AND due_at <= ? ORDER BY due_at LIMIT ?", queue,
                    horizon.toEpochMilli(), oldestFirst));
            if (claimed.size() == oldestFirst && claimed.size() < max) {
                claimed.addAll(claimFrom(connection, dialect, node, lease, "SELECT " + COLUMNS + " FROM job WHERE "
                        + "queue = ? AND state = 'QUEUED' AND due_at <= " + dialect.nowMillis() + " ORDER BY due_at "
                        + "DESC LIMIT ?", queue, max - claimed.size()));
                if (claimed.size() < max) {
                    claimed.addAll(claimFrom(connection, dialect, node, lease, "SELECT " + COLUMNS + " FROM job "
                            + "WHERE queue = ? AND state = 'QUEUED' AND due_at <= ? ORDER BY due_at LIMIT ?", queue,
                            horizon.toEpochMilli(), max - claimed.size()));
                }
            }
            if (claimed.size() < max) {
                claimed.addAll(claimFrom(connection, dialect, node, lease, "SELECT " + COLUMNS + " FROM job WHERE "
                        + "queue = ? AND state = 'CLAIMED' AND claimed_until < " + dialect.nowMillis()
                        + " ORDER BY claimed_until LIMIT ?", queue, max - claimed.size()));
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("Claiming jobs of queue " + queue + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the candidates (locked and skipping rows other nodes hold, where the database can) and takes each with its
     * own token. Without SKIP LOCKED (H2) the update is a compare-and-set on what was read, which one node alone wins.
     */
    private List<Job> claimFrom(Connection connection, SqlDialect dialect, String node, Duration lease,
                                String select, Object... parameters) throws SQLException {
        List<Job> candidates = new ArrayList<>();
        List<Long> leases = new ArrayList<>();
        try (PreparedStatement query = Jdbc.bind(connection.prepareStatement(dialect.skipLocked()
                ? select + " FOR UPDATE SKIP LOCKED" : select), parameters)) {
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    candidates.add(JobStore.job(rows));
                    leases.add(Jdbc.longOrNull(rows, "claimed_until"));
                }
            }
        }
        if (dialect.skipLocked()) {
            return takeAll(connection, dialect, node, lease, candidates);
        }
        List<Job> won = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement("UPDATE job SET state = 'CLAIMED', claim_token = "
                + "?, claimed_by = ?, claimed_until = " + dialect.nowMillis() + " + ?, attempts = attempts + 1, "
                + "updated_at = ? WHERE id = ? AND state = ? AND due_at = ? AND COALESCE(claim_token, '-') = ? "
                + "AND COALESCE(claimed_until, -1) = ?")) {
            for (int i = 0; i < candidates.size(); i++) {
                Job c = candidates.get(i);
                String token = newToken();
                update.setString(1, token);
                update.setString(2, node);
                update.setLong(3, lease.toMillis());
                update.setLong(4, System.currentTimeMillis());
                update.setLong(5, c.id());
                update.setString(6, c.claimToken() == null ? JobState.QUEUED.name() : JobState.CLAIMED.name());
                update.setLong(7, c.dueAt().toEpochMilli());
                update.setString(8, c.claimToken() == null ? "-" : c.claimToken());
                update.setLong(9, leases.get(i) == null ? -1 : leases.get(i));
                if (update.executeUpdate() == 1) {
                    won.add(c.claimedAs(token));
                }
            }
        }
        return won;
    }

    /**
     * Takes every candidate, which the claim's read has locked, in one statement: each gets a token of its own, this
     * claim's random part followed by the job's id (32 characters, as {@link #newToken()}), so that every write after
     * the claim stays fenced by its attempt's token.
     */
    private static List<Job> takeAll(Connection connection, SqlDialect dialect, String node, Duration lease,
                                     List<Job> candidates) throws SQLException {
        if (candidates.isEmpty()) {
            return List.of();
        }
        String claim = newToken().substring(0, 16);
        String ids = String.join(", ", Collections.nCopies(candidates.size(), "?"));
        try (PreparedStatement update = connection.prepareStatement("UPDATE job SET state = 'CLAIMED', claim_token = "
                + "CONCAT(?, LPAD(HEX(id), 16, '0')), claimed_by = ?, claimed_until = " + dialect.nowMillis()
                + " + ?, attempts = attempts + 1, updated_at = ? WHERE id IN (" + ids + ")")) {
            update.setString(1, claim);
            update.setString(2, node);
            update.setLong(3, lease.toMillis());
            update.setLong(4, System.currentTimeMillis());
            for (int i = 0; i < candidates.size(); i++) {
                update.setLong(5 + i, candidates.get(i).id());
            }
            int taken = update.executeUpdate();
            if (taken != candidates.size()) {
                throw new SQLException("The claim locked " + candidates.size() + " jobs but took " + taken);
            }
        }
        return candidates.stream().map(c -> c.claimedAs(claim + "%016X".formatted(c.id()))).toList();
    }

    /**
     * Extends the leases of the attempts this node runs (job id to claim token), on the database's clock; answers the
     * tokens still held (an attempt missing from the answer lost its job to another claim). Rows are found by their
     * primary key, so a renewal locks only its own jobs.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Set<String> renew(Map<Long, String> attempts, Duration lease) {
        if (attempts.isEmpty()) {
            return Set.of();
        }
        String ids = String.join(", ", attempts.keySet().stream().map(String::valueOf).toList());
        String tokens = String.join(", ", attempts.values().stream().map(t -> "?").toList());
        try (Connection connection = dataSource.getConnection()) {
            SqlDialect dialect = SqlDialect.of(connection);
            int renewed;
            try (PreparedStatement update = connection.prepareStatement("UPDATE job SET claimed_until = "
                    + dialect.nowMillis() + " + ? WHERE id IN (" + ids + ") AND state = 'CLAIMED' AND claim_token IN ("
                    + tokens + ")")) {
                update.setLong(1, lease.toMillis());
                int i = 2;
                for (String token : attempts.values()) {
                    update.setString(i++, token);
                }
                renewed = update.executeUpdate();
            }
            if (renewed == attempts.size()) {
                return Set.copyOf(attempts.values());
            }
            Set<String> held = new HashSet<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT claim_token FROM job WHERE id IN ("
                    + ids + ") AND state = 'CLAIMED' AND claim_token IN (" + tokens + ")")) {
                int i = 1;
                for (String token : attempts.values()) {
                    query.setString(i++, token);
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        held.add(rows.getString(1));
                    }
                }
            }
            return held;
        } catch (SQLException e) {
            throw new IllegalStateException("Renewing leases failed: " + e.getMessage(), e);
        }
    }

    private static String newToken() {
        byte[] bytes = new byte[16];
        TOKENS.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
