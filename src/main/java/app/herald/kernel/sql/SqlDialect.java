package app.herald.kernel.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The few places where MySQL/MariaDB and H2 (in MySQL mode) need different SQL: the database's own clock in epoch
 * milliseconds, and whether {@code FOR UPDATE SKIP LOCKED} exists.
 */
public enum SqlDialect {
    MYSQL("CAST(UNIX_TIMESTAMP(CURRENT_TIMESTAMP(3)) * 1000 AS SIGNED)", true),
    H2("CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP(3)) * 1000 AS BIGINT)", false);

    private static volatile SqlDialect known;

    private final String nowMillis;
    private final boolean skipLocked;

    SqlDialect(String nowMillis, boolean skipLocked) {
        this.nowMillis = nowMillis;
        this.skipLocked = skipLocked;
    }

    /** An SQL expression for the database server's current time in epoch milliseconds. */
    public String nowMillis() {
        return nowMillis;
    }

    /** Whether candidates can be read {@code FOR UPDATE SKIP LOCKED} (MySQL 8, MariaDB 10.6+). */
    public boolean skipLocked() {
        return skipLocked;
    }

    /** The dialect of the database behind a connection; Herald has one database, so it is asked once. */
    public static SqlDialect of(Connection connection) throws SQLException {
        SqlDialect dialect = known;
        if (dialect == null) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            dialect = product.contains("mysql") || product.contains("mariadb") ? MYSQL : H2;
            known = dialect;
        }
        return dialect;
    }
}
