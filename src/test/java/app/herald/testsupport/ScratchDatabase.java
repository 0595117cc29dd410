package app.herald.testsupport;

import com.mysql.cj.jdbc.MysqlDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
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
        return Map.of("DB_CLASS_NAME", "com.mysql.cj.jdbc.MysqlDataSource", "DB_URL", nodeUrl(),
                "DB_USER", dataSource.getUser(), "DB_PASSWORD", System.getProperty("it.mysql.password"),
                "HERALD_DEMO", "false", "HERALD_TOKEN_KEYS", tokenKeys, "MAIL_DELIVERY", "outbox",
                "HERALD_DATA_DIR", "target/nodes/" + name, "HERALD_OUTBOUND_ALLOW", "127.0.0.1/32");
    }

    /** The database's address for a node, with the driver settings docs/operations.md recommends. */
    private String nodeUrl() {
        String settings = System.getProperty("it.mysql.driver-settings", "");
        return settings.isBlank() ? url : url + "&" + settings;
    }

    /**
     * As {@link #nodeEnvironment}, for a node that signs in to the database as a user of its own (made here with the
     * same rights), so that its connections can be told apart on the server and cut ({@link #cutConnectionsOf}).
     */
    public Map<String, String> nodeEnvironmentAs(String user, String tokenKeys) throws SQLException {
        String password = System.getProperty("it.mysql.password");
        for (String host : List.of("127.0.0.1", "localhost")) {
            admin("CREATE USER IF NOT EXISTS '" + user + "'@'" + host + "' IDENTIFIED BY '" + password + "'");
            admin("GRANT ALL PRIVILEGES ON `herald\\_%`.* TO '" + user + "'@'" + host + "'");
        }
        Map<String, String> environment = new HashMap<>(nodeEnvironment(tokenKeys));
        environment.put("DB_USER", user);
        return environment;
    }

    /** How many connections the user holds now, in the server's process list. */
    public int connectionsOf(String user) throws SQLException {
        try (Connection admin = adminConnection(); Statement sql = admin.createStatement();
             ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE user = '"
                     + user.replace("'", "''") + "'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Kills every connection the user holds now (KILL CONNECTION, as a failing network or a restarted proxy would). */
    public int cutConnectionsOf(String user) throws SQLException {
        try (Connection admin = adminConnection(); Statement sql = admin.createStatement()) {
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("SELECT id FROM information_schema.PROCESSLIST WHERE user = '"
                    + user.replace("'", "''") + "'")) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            int killed = 0;
            for (long id : ids) {
                try {
                    sql.execute("KILL CONNECTION " + id);
                    killed++;
                } catch (SQLException alreadyGone) {
                    // It closed between the listing and the kill.
                }
            }
            return killed;
        }
    }

    @Override
    public void close() throws SQLException {
        PublishingLoad.drop(dataSource, seeded);
        admin("DROP DATABASE IF EXISTS `" + name + "`");
    }

    private static void admin(String statement) throws SQLException {
        try (Connection admin = adminConnection(); Statement sql = admin.createStatement()) {
            sql.execute(statement);
        }
    }

    private static Connection adminConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://" + System.getProperty("it.mysql.host")
                + "/?useSSL=false&allowPublicKeyRetrieval=true", System.getProperty("it.mysql.admin-user"),
                System.getProperty("it.mysql.admin-password", ""));
    }
}
