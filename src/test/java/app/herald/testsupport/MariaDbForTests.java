package app.herald.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives the MySQL/MariaDB pass of the integration tests a database of its own: before any test, the test user and a
 * fresh database; after the last test, that database and every tenant schema it created are dropped again. Active only
 * when Failsafe runs the MySQL execution (HERALD_IT_DATABASE=mysql); it fails the run if the server is unreachable.
 */
public class MariaDbForTests implements LauncherSessionListener {

    private static boolean active() {
        return "mysql".equals(System.getenv("HERALD_IT_DATABASE"));
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!active()) {
            return;
        }
        String user = System.getProperty("it.mysql.user");
        String password = System.getProperty("it.mysql.password");
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            for (String host : List.of("127.0.0.1", "localhost")) {
                sql.execute("CREATE USER IF NOT EXISTS '" + user + "'@'" + host + "' IDENTIFIED BY '" + password + "'");
                // Herald's own database and the tenant schemas (herald_t_...) it creates; nothing else on the server.
                sql.execute("GRANT ALL PRIVILEGES ON `herald\\_%`.* TO '" + user + "'@'" + host + "'");
            }
            sql.execute("CREATE DATABASE IF NOT EXISTS `" + database() + "`");
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB/MySQL is not reachable at " + System.getProperty("it.mysql.host")
                    + " as " + System.getProperty("it.mysql.admin-user") + " (" + e.getMessage()
                    + "). Start it (see README.md) or run only the H2 pass with -Dit.skip.mysql=true.", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (!active()) {
            return;
        }
        try (Connection admin = admin(); Statement sql = admin.createStatement()) {
            List<String> schemas = new ArrayList<>();
            try (var rs = sql.executeQuery("SELECT schema_name FROM `" + database() + "`.tenant")) {
                while (rs.next()) {
                    schemas.add(rs.getString(1));
                }
            } catch (SQLException noTenantTable) {
                // The platform schema was never migrated: nothing else to drop.
            }
            for (String schema : schemas) {
                if (schema.matches("^herald_t_[a-z0-9_]{1,40}$")) {
                    sql.execute("DROP DATABASE IF EXISTS `" + schema + "`");
                }
            }
            sql.execute("DROP DATABASE IF EXISTS `" + database() + "`");
        } catch (SQLException e) {
            System.err.println("Could not drop the test database " + database() + ": " + e.getMessage());
        }
    }

    private static String database() {
        String name = System.getProperty("it.mysql.database");
        if (name == null || !name.matches("^herald_it_[0-9]+$")) {
            throw new IllegalStateException("Unexpected test database name " + name);
        }
        return name;
    }

    private static Connection admin() throws SQLException {
        String url = "jdbc:mysql://" + System.getProperty("it.mysql.host")
                + "/?useSSL=false&allowPublicKeyRetrieval=true&connectTimeout=5000";
        return DriverManager.getConnection(url, System.getProperty("it.mysql.admin-user"),
                System.getProperty("it.mysql.admin-password", ""));
    }
}
