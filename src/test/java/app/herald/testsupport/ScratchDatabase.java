package app.herald.testsupport;

import com.mysql.cj.jdbc.MysqlDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * A MariaDB database of its own for a test that starts Herald nodes itself (the cluster test, the benchmark): created
 * with the platform schema migrated, and dropped with the tenant schemas seeded into it when closed. Uses the
 * server and accounts that {@link MariaDbForTests} prepared.
 */
public final class ScratchDatabase implements AutoCloseable {

    private final String name;
    private final String url;
    private final MysqlDataSource dataSource = new MysqlDataSource();
    private List<PublishingLoad.SeededTenant> seeded = List.of();

    public ScratchDatabase(String prefix) throws SQLException {
        this.name = prefix + "_" + System.currentTimeMillis();
        admin("CREATE DATABASE `" + name + "`");
        this.url = "jdbc:mysql://" + System.getProperty("it.mysql.host") + "/" + name
                + "?useSSL=false&allowPublicKeyRetrieval=true";
        dataSource.setUrl(url);
        dataSource.setUser(System.getProperty("it.mysql.user"));
        dataSource.setPassword(System.getProperty("it.mysql.password"));
        PublishingLoad.migratePlatform(dataSource);
    }

    public MysqlDataSource dataSource() {
        return dataSource;
    }

    public String url() {
        return url;
    }

    /** Tenant schemas to drop with the database. */
    public void dropsWithIt(List<PublishingLoad.SeededTenant> tenants) {
        this.seeded = List.copyOf(tenants);
    }

    /** The environment of a Herald node on this database, with the given token key ring. */
    public Map<String, String> nodeEnvironment(String tokenKeys) {
        return Map.of("DB_CLASS_NAME", "com.mysql.cj.jdbc.MysqlDataSource", "DB_URL", url,
                "DB_USER", dataSource.getUser(), "DB_PASSWORD", System.getProperty("it.mysql.password"),
                "HERALD_DEMO", "false", "HERALD_TOKEN_KEYS", tokenKeys, "MAIL_DELIVERY", "outbox",
                "HERALD_DATA_DIR", "target/nodes/" + name, "HERALD_OUTBOUND_ALLOW", "127.0.0.1/32");
    }

    @Override
    public void close() throws SQLException {
        PublishingLoad.drop(dataSource, seeded);
        admin("DROP DATABASE IF EXISTS `" + name + "`");
    }

    private static void admin(String statement) throws SQLException {
        try (Connection admin = DriverManager.getConnection("jdbc:mysql://" + System.getProperty("it.mysql.host")
                + "/?useSSL=false&allowPublicKeyRetrieval=true", System.getProperty("it.mysql.admin-user"),
                System.getProperty("it.mysql.admin-password", "")); Statement sql = admin.createStatement()) {
            sql.execute(statement);
        }
    }
}
