package app.herald.jobs.infrastructure;

import app.herald.kernel.sql.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Claiming rows of a job table (columns id, state, due_at, attempts, claimed_by, claimed_until) for one node with a
 * lease, in the caller's short transaction: on MySQL and MariaDB the candidates are read {@code FOR UPDATE SKIP
 * LOCKED}, so nodes claiming at once take different rows without waiting; elsewhere (H2) each row is taken with a
 * compare-and-set update that only one node can win. Shared by the publish and analytics queues.
 */
public final class Leases {

    private static volatile Boolean skipLocked;

    private Leases() {
    }

    /**
     * Claims the rows that {@code select} finds (its first parameter is {@code bound}, its second the limit; it must
     * return id, state, due_at and claimed_until) and answers the jobs this node won, as read before the claim.
     */
    public static <J> List<J> claim(Connection connection, String table, String select, long bound, int max,
                                    String node, Instant leaseUntil, Jdbc.RowReader<J> reader) throws SQLException {
        boolean locking = skipLocked(connection);
        List<Candidate<J>> candidates = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(locking ? select + " FOR UPDATE SKIP LOCKED" : select)) {
            query.setLong(1, bound);
            query.setInt(2, max);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long until = rows.getLong("claimed_until");
                    Long claimedUntil = rows.wasNull() ? null : until;
                    candidates.add(new Candidate<>(reader.read(rows), rows.getLong("id"), rows.getString("state"),
                            rows.getLong("due_at"), claimedUntil));
                }
            }
        }
        List<J> won = new ArrayList<>();
        String take = "UPDATE " + table + " SET state = 'CLAIMED', claimed_by = ?, claimed_until = ?, "
                + "attempts = attempts + 1, updated_at = ? WHERE id = ?"
                + (locking ? "" : " AND state = ? AND due_at = ? AND COALESCE(claimed_until, -1) = ?");
        try (PreparedStatement update = connection.prepareStatement(take)) {
            for (Candidate<J> c : candidates) {
                update.setString(1, node);
                update.setLong(2, leaseUntil.toEpochMilli());
                update.setLong(3, System.currentTimeMillis());
                update.setLong(4, c.id());
                if (!locking) {
                    update.setString(5, c.state());
                    update.setLong(6, c.dueAt());
                    update.setLong(7, c.claimedUntil() == null ? -1 : c.claimedUntil());
                }
                if (update.executeUpdate() == 1) {
                    won.add(c.job());
                }
            }
        }
        return won;
    }

    static boolean skipLocked(Connection connection) throws SQLException {
        Boolean known = skipLocked;
        if (known == null) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            known = product.contains("mysql") || product.contains("mariadb");
            skipLocked = known;
        }
        return known;
    }

    private record Candidate<J>(J job, long id, String state, long dueAt, Long claimedUntil) {
    }
}
