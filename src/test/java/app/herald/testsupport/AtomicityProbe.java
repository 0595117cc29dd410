package app.herald.testsupport;

import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.domain.AuditEntry;
import app.herald.tenancy.domain.TenantDb;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * A service that writes a tenant's schema through JPA and the platform schema through plain JDBC in one call, the way
 * Herald's own services do, for the tests of "one service call is one transaction on one connection".
 */
@Stateless
public class AtomicityProbe {

    /** Thrown after both writes, so that the container rolls the call back. */
    public static class Abort extends RuntimeException {
        public Abort() {
            super("the probe aborts after writing");
        }
    }

    @Inject
    @TenantDb
    EntityManager em;
    @Inject
    TenantAuditLog audit;
    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;
    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Writes an audit entry (JPA, tenant) and a digest day (JDBC, platform) marked {@code mark}, then throws. */
    public void writeBothThenFail(String mark) {
        writeBoth(mark);
        throw new Abort();
    }

    /** Writes a digest day (JDBC, platform), then an audit entry that the database refuses when JPA flushes it at commit. */
    public void writeJdbcThenFailAtCommit(String mark) {
        jdbc("INSERT INTO digest_run (run_day, claimed_at) VALUES (?, 1)", mark);
        em.persist(new AuditEntry(Instant.now(), "probe", "an action far longer than its sixty-character column allows it to be", mark, null));
    }

    /**
     * Writes both, then has the transaction roll back after JPA flushed at commit: a synchronization that runs after
     * EclipseLink's own (interposed ones run last) marks it rollback-only. A write that went to a connection outside
     * the transaction would survive this.
     */
    public void writeBothThenRollBackAfterTheFlush(String mark) {
        writeBoth(mark);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                transactions.setRollbackOnly();
            }

            @Override
            public void afterCompletion(int status) {
            }
        });
    }

    /** The function that names the current connection: CONNECTION_ID() on MariaDB/MySQL, SESSION_ID() on H2. */
    public static String idFunction() {
        return "mysql".equals(System.getenv("HERALD_IT_DATABASE")) ? "CONNECTION_ID()" : "SESSION_ID()";
    }

    public void writeBoth(String mark) {
        audit.record("probe", "PROBE", mark, null);
        jdbc("INSERT INTO digest_run (run_day, claimed_at) VALUES (?, 1)", mark);
    }

    /** The connection ids JPA (tenant EntityManager) and JDBC (the data source) use inside one call. */
    public long[] connectionIds(String function) {
        audit.record("probe", "PROBE", "connection-ids", null);
        em.flush();
        long jpa = ((Number) em.createNativeQuery("SELECT " + function).getSingleResult()).longValue();
        long jdbc;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT " + function);
             ResultSet r = s.executeQuery()) {
            r.next();
            jdbc = r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new long[] {jpa, jdbc};
    }

    private void jdbc(String sql, String value) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
