package app.herald.tenancy.infrastructure;

import app.herald.tenancy.domain.SchemaName;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Flyway over the platform schema (db/platform) and over each tenant schema (db/tenant, from tenants/migrations).
 * Callers run these outside any JTA transaction: MySQL commits DDL implicitly.
 */
@ApplicationScoped
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;

    public void migratePlatform() {
        MigrateResult result = Flyway.configure(getClass().getClassLoader()).dataSource(dataSource)
                .locations("classpath:db/platform").table("platform_schema_history").baselineOnMigrate(false)
                .load().migrate();
        LOG.info(() -> "Platform schema at version " + version(result) + " (" + result.migrationsExecuted
                + " migration(s) applied now)");
    }

    /** Creates the schema if needed and brings it to the newest tenant migration; returns that version. */
    public String migrateTenant(SchemaName schema) {
        MigrateResult result = Flyway.configure(getClass().getClassLoader()).dataSource(dataSource)
                .schemas(schema.value()).defaultSchema(schema.value()).createSchemas(true)
                .locations("classpath:db/tenant").table("tenant_schema_history").load().migrate();
        return version(result);
    }

    /** Drops a tenant's schema with everything in it. The name was checked by {@link SchemaName} when it was made. */
    public void dropTenant(SchemaName schema) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            boolean h2 = connection.getMetaData().getDatabaseProductName().startsWith("H2");
            statement.execute(h2 ? "DROP SCHEMA IF EXISTS " + schema.value() + " CASCADE"
                    : "DROP DATABASE IF EXISTS `" + schema.value() + "`");
            LOG.info(() -> "Dropped tenant schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop schema " + schema + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs a fixture script (statements separated by ";" at a line end) in a tenant schema. Scripts name their tables
     * as ${schema}.table, so that no pooled connection ever has its default schema changed.
     */
    public void runFixture(SchemaName schema, String resource, long now) {
        String script;
        try (var in = getClass().getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing fixture " + resource);
            }
            script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read fixture " + resource, e);
        }
        String sql = script.replaceAll("(?m)^--.*$", "").replace("${schema}", schema.value())
                .replace("${now}", Long.toString(now));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String part : sql.split(";\\s*(\\r?\\n|$)")) {
                if (!part.isBlank()) {
                    statement.execute(part.strip());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Fixture " + resource + " failed in " + schema + ": " + e.getMessage(), e);
        }
    }

    /** Names of the tenant schemas that exist in the database, to verify provisioning and deletion. */
    public boolean schemaExists(SchemaName schema) {
        try (Connection connection = dataSource.getConnection();
             var rs = connection.getMetaData().getSchemas()) {
            while (rs.next()) {
                if (schema.value().equalsIgnoreCase(rs.getString("TABLE_SCHEM"))) {
                    return true;
                }
            }
            try (var catalogs = connection.getMetaData().getCatalogs()) {
                while (catalogs.next()) {
                    if (schema.value().equalsIgnoreCase(catalogs.getString("TABLE_CAT"))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list schemas: " + e.getMessage(), e);
        }
    }

    private static String version(MigrateResult result) {
        return result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
    }
}
