package app.herald.testsupport;

import app.herald.kernel.crypto.TokenCipher;
import app.herald.publishing.infrastructure.CredentialVault;
import app.herald.publishing.infrastructure.WebhookConnector;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Seeds a database directly in SQL with many tenants and publications due at chosen instants, for the cluster test
 * and the publishing benchmark: going through screens would take longer than the publishing being measured. Schemas
 * are made by the same Flyway migrations Herald runs; everything else is what approving posts would have written.
 */
public final class PublishingLoad {

    /** A seeded tenant: its id, schema and the webhook channel its publications go to. */
    public record SeededTenant(long id, String schema, long channelId) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private PublishingLoad() {
    }

    public static void migratePlatform(DataSource dataSource) {
        Flyway.configure(PublishingLoad.class.getClassLoader()).dataSource(dataSource)
                .locations("classpath:db/platform").table("platform_schema_history").load().migrate();
    }

    /** An agency with {@code count} tenants, each with one connected webhook channel pointing at {@code webhookUrl}. */
    public static List<SeededTenant> tenants(DataSource dataSource, int count, String webhookUrl, TokenCipher cipher)
            throws SQLException {
        long now = System.currentTimeMillis();
        List<SeededTenant> tenants = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            long agency = insert(c, "INSERT INTO agency (name, state, created_at) VALUES (?, 'ACTIVE', ?)",
                    "Load agency " + UUID.randomUUID(), now);
            for (int i = 0; i < count; i++) {
                SeededTenant created = tenantOf(dataSource, agency, "Load client " + i, "Europe/Berlin");
                String schema = created.schema();
                long tenant = created.id();
                long channel = insert(c, "INSERT INTO " + schema + ".channel (network, handle, display_name, active, "
                        + "created_at, endpoint, connected_at) VALUES ('WEBHOOK', ?, 'Load hook', TRUE, ?, ?, ?)",
                        "hook-" + i, now, webhookUrl, now);
                String sealed = CredentialVault.sealWith(cipher, tenant, channel,
                        Map.of(WebhookConnector.SIGNING_SECRET, "load-secret-" + i));
                update(c, "UPDATE " + schema + ".channel SET credentials = ? WHERE id = ?", sealed, channel);
                tenants.add(new SeededTenant(tenant, schema, channel));
            }
        }
        return tenants;
    }

    /**
     * As {@link #tenants}, but fast for thousands: one schema is migrated by Flyway, the others are copies of it (each
     * table's own DDL, keys included, the rows the migrations insert, and Flyway's history), so that Herald's start-up
     * finds them at the latest version.
     */
    public static List<SeededTenant> clonedTenants(DataSource dataSource, int count, String webhookUrl,
                                                   TokenCipher cipher) throws SQLException {
        long now = System.currentTimeMillis();
        List<SeededTenant> tenants = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            long agency = insert(c, "INSERT INTO agency (name, state, created_at) VALUES (?, 'ACTIVE', ?)",
                    "Scale agency " + UUID.randomUUID(), now);
            SeededTenant template = tenantOf(dataSource, agency, "Scale client 0", "Europe/Berlin");
            List<String> ddl = new ArrayList<>();
            // Rows the migrations insert (a client's settings), copied with the tables.
            List<String> seededByMigrations = new ArrayList<>();
            try (java.sql.Statement sql = c.createStatement();
                 java.sql.ResultSet tables = sql.executeQuery("SHOW FULL TABLES FROM " + template.schema()
                         + " WHERE Table_type = 'BASE TABLE'")) {
                List<String> names = new ArrayList<>();
                while (tables.next()) {
                    names.add(tables.getString(1));
                }
                for (String table : names) {
                    try (java.sql.Statement show = c.createStatement();
                         java.sql.ResultSet create = show.executeQuery("SHOW CREATE TABLE " + template.schema() + "."
                                 + table)) {
                        create.next();
                        ddl.add(create.getString(2));
                    }
                    try (java.sql.Statement counting = c.createStatement();
                         java.sql.ResultSet rows = counting.executeQuery("SELECT COUNT(*) FROM " + template.schema() + "."
                                 + table)) {
                        rows.next();
                        if (rows.getLong(1) > 0 && !table.equals("tenant_schema_history")) {
                            seededByMigrations.add(table);
                        }
                    }
                }
            }
            for (int i = 0; i < count; i++) {
                SeededTenant created = i == 0 ? template : cloneOf(c, template, ddl, seededByMigrations, agency,
                        "Scale client " + i);
                long channel = insert(c, "INSERT INTO " + created.schema() + ".channel (network, handle, display_name, "
                        + "active, created_at, endpoint, connected_at) VALUES ('WEBHOOK', ?, 'Scale hook', TRUE, ?, ?, ?)",
                        "hook-" + i, now, webhookUrl, now);
                String sealed = CredentialVault.sealWith(cipher, created.id(), channel,
                        Map.of(WebhookConnector.SIGNING_SECRET, "scale-secret-" + i));
                update(c, "UPDATE " + created.schema() + ".channel SET credentials = ? WHERE id = ?", sealed, channel);
                tenants.add(new SeededTenant(created.id(), created.schema(), channel));
            }
        }
        return tenants;
    }

    private static SeededTenant cloneOf(Connection c, SeededTenant template, List<String> ddl, List<String> seeded,
                                        long agency, String name) throws SQLException {
        String schema = "herald_t_load" + Long.toString(Math.abs(RANDOM.nextLong()), 36);
        String home = c.getCatalog();
        try (java.sql.Statement sql = c.createStatement()) {
            sql.execute("CREATE DATABASE " + schema);
            sql.execute("USE " + schema);
            sql.execute("SET FOREIGN_KEY_CHECKS = 0");
            for (String table : ddl) {
                sql.execute(table);
            }
            sql.execute("SET FOREIGN_KEY_CHECKS = 1");
            sql.execute("INSERT INTO " + schema + ".tenant_schema_history SELECT * FROM " + template.schema()
                    + ".tenant_schema_history");
            for (String table : seeded) {
                sql.execute("INSERT INTO " + schema + "." + table + " SELECT * FROM " + template.schema() + "." + table);
            }
            sql.execute("USE " + home);
        }
        long tenant = insert(c, "INSERT INTO tenant (agency_id, name, schema_name, time_zone, state, created_at) "
                + "VALUES (?, ?, ?, 'Europe/Berlin', 'ACTIVE', ?)", agency, name, schema, System.currentTimeMillis());
        return new SeededTenant(tenant, schema, 0);
    }

    /** A tenant of the agency with a new schema migrated to the latest version (no channel yet: channel id 0). */
    public static SeededTenant tenantOf(DataSource dataSource, long agency, String name, String zone)
            throws SQLException {
        String schema = "herald_t_load" + Long.toString(Math.abs(RANDOM.nextLong()), 36);
        long tenant;
        try (Connection c = dataSource.getConnection()) {
            tenant = insert(c, "INSERT INTO tenant (agency_id, name, schema_name, time_zone, state, created_at) "
                    + "VALUES (?, ?, ?, ?, 'ACTIVE', ?)", agency, name, schema, zone, System.currentTimeMillis());
        }
        Flyway.configure(PublishingLoad.class.getClassLoader()).dataSource(dataSource).schemas(schema)
                .defaultSchema(schema).createSchemas(true).locations("classpath:db/tenant")
                .table("tenant_schema_history").load().migrate();
        return new SeededTenant(tenant, schema, 0);
    }

    /**
     * Approved posts with one publication each, queued for the given instants (round robin over the tenants).
     * Returns the idempotency key of each publication.
     */
    public static List<String> publications(DataSource dataSource, List<SeededTenant> tenants, List<Instant> dues)
            throws SQLException {
        long now = System.currentTimeMillis();
        List<String> keys = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (int i = 0; i < dues.size(); i++) {
                SeededTenant t = tenants.get(i % tenants.size());
                long due = dues.get(i).toEpochMilli();
                String key = UUID.randomUUID().toString();
                long post = insert(c, "INSERT INTO " + t.schema() + ".post (title, base_text, author_id, author_name, "
                        + "state, review_step, scheduled_at, created_at, updated_at) VALUES (?, ?, 0, 'Load', 'APPROVED', "
                        + "0, ?, ?, ?)", "Load " + i, "Load post " + i + " " + key, due, now, now);
                insert(c, "INSERT INTO " + t.schema() + ".variant (post_id, channel_id, text) VALUES (?, ?, ?)",
                        post, t.channelId(), "Load post " + i + " " + key);
                long publication = insert(c, "INSERT INTO " + t.schema() + ".publication (post_id, channel_id, due_at, "
                        + "state, attempts, idempotency_key, updated_at) VALUES (?, ?, ?, 'QUEUED', 0, ?, ?)",
                        post, t.channelId(), due, key, now);
                insert(c, "INSERT INTO job (queue, kind, tenant_id, subject_id, step, due_at, state, attempts, "
                        + "created_at, updated_at) VALUES ('publish', 'PUBLICATION', ?, ?, 0, ?, 'QUEUED', 0, ?, ?)",
                        t.id(), publication, due, now, now);
                keys.add(key);
                if (i % 500 == 499) {
                    c.commit();
                }
            }
            c.commit();
        }
        return keys;
    }

    /** Where seeded publications wait until {@link #release} moves them: far beyond any look-ahead. */
    public static final Instant PARKED = Instant.parse("2100-01-01T00:00:00Z");

    /**
     * Moves every publication seeded relative to {@link #PARKED} so that PARKED becomes {@code start}: seeding takes
     * seconds, and a benchmark must not count them as lateness.
     */
    public static void release(DataSource dataSource, List<SeededTenant> tenants, Instant start) throws SQLException {
        long shift = start.toEpochMilli() - PARKED.toEpochMilli();
        long parked = PARKED.toEpochMilli();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (SeededTenant t : tenants) {
                update(c, "UPDATE " + t.schema() + ".publication SET due_at = due_at + ? WHERE due_at >= ?", shift, parked);
                update(c, "UPDATE " + t.schema() + ".post SET scheduled_at = scheduled_at + ? WHERE scheduled_at >= ?",
                        shift, parked);
            }
            update(c, "UPDATE job SET due_at = due_at + ? WHERE queue = 'publish' AND due_at >= ?", shift, parked);
            c.commit();
        }
    }

    /** How many publications of the seeded tenants are in each state. */
    public static Map<String, Long> states(DataSource dataSource, List<SeededTenant> tenants) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (SeededTenant t : tenants) {
                try (ResultSet r = s.executeQuery("SELECT state, COUNT(*) FROM " + t.schema() + ".publication GROUP BY state")) {
                    while (r.next()) {
                        counts.merge(r.getString(1), r.getLong(2), Long::sum);
                    }
                }
            }
        }
        return counts;
    }

    /** Published instants minus due instants, in milliseconds, of every published publication. */
    public static List<Long> lateness(DataSource dataSource, List<SeededTenant> tenants) throws SQLException {
        List<Long> late = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (SeededTenant t : tenants) {
                try (ResultSet r = s.executeQuery("SELECT published_at - due_at FROM " + t.schema()
                        + ".publication WHERE state = 'PUBLISHED'")) {
                    while (r.next()) {
                        late.add(r.getLong(1));
                    }
                }
            }
        }
        return late;
    }

    public static void drop(DataSource dataSource, List<SeededTenant> tenants) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (SeededTenant t : tenants) {
                s.execute("DROP DATABASE IF EXISTS `" + t.schema() + "`");
            }
        }
    }

    private static long insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }
}
