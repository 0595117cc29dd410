package app.herald.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.identity.application.Actors;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.paging.PageRequest;
import app.herald.tenancy.application.TenantAdministration;
import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.application.TenantProvisioning;
import app.herald.tenancy.application.TenantRegistry;
import app.herald.tenancy.domain.AuditEntry;
import app.herald.tenancy.domain.AuditFilter;
import app.herald.tenancy.domain.SchemaName;
import app.herald.tenancy.domain.Tenant;
import app.herald.tenancy.infrastructure.SchemaMigrations;
import app.herald.testsupport.Demo;
import app.herald.testsupport.HeraldDeployment;
import app.herald.testsupport.InTenant;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tenancy on the real server and database: provisioning, migration, the schema-name fence, and isolation between
 * tenants by every path a service offers, including under concurrency.
 */
@ExtendWith(ArquillianExtension.class)
class TenancyIT {

    @Deployment
    static WebArchive deployment() {
        return HeraldDeployment.war(TenancyIT.class);
    }

    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantRegistry registry;
    @Inject
    TenantAdministration administration;
    @Inject
    SchemaMigrations migrations;
    @Inject
    TenantAuditLog audit;
    @Inject
    InTenant inTenant;
    @Inject
    Actors actors;
    @Inject
    app.herald.jobs.application.Jobs jobs;
    @Inject
    app.herald.tenancy.application.TenantJobs tenantJobs;
    @Inject
    app.herald.tenancy.application.TenantContext context;
    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;

    private Actor actor(String email) {
        return actors.byEmail(email).orElseThrow();
    }

    private Tenant demo(String name) {
        return registry.all().stream().filter(t -> t.getName().equals(name)).findFirst().orElseThrow();
    }

    private Tenant freshClient(String prefix) {
        Actor owner = actor(Demo.NORTHWIND_OWNER);
        return provisioning.create(owner, owner.agencyId().orElseThrow(), prefix + " " + UUID.randomUUID(),
                "Europe/Paris");
    }

    private int historyRows(SchemaName schema) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + schema.value() + ".tenant_schema_history")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void provisioningCreatesAndMigratesASchemaAndARerunChangesNothing() throws Exception {
        Tenant first = freshClient("Provisioned");
        assertTrue(migrations.schemaExists(first.getSchema()), "schema " + first.getSchema() + " exists");
        String version = first.getSchemaVersion();
        assertTrue(version != null && version.matches("\\d+"), version);
        int applied = historyRows(first.getSchema());

        assertEquals(version, provisioning.migrate(first));
        assertEquals(applied, historyRows(first.getSchema()), "a second migration applies nothing");

        Tenant second = freshClient("Second");
        assertNotEquals(first.getSchema(), second.getSchema());
        assertTrue(migrations.schemaExists(second.getSchema()));
        Actor owner = actor(Demo.NORTHWIND_OWNER);
        AuditEntry written = inTenant.call(owner, first.getId(),
                () -> audit.record("test", "WROTE", "first-only", null));
        List<AuditEntry> inSecond = inTenant.call(owner, second.getId(), () -> audit.recent(50));
        assertTrue(inSecond.stream().noneMatch(e -> e.getSubject().equals("first-only")),
                "the second tenant's schema does not see the first one's rows");
        assertTrue(inTenant.call(owner, first.getId(), () -> audit.find(written.getId())).isPresent());

        for (String who : List.of("joann@northwind.test", "bob@northwind.test", "ann@northwind.test")) {
            inTenant.call(owner, first.getId(), () -> audit.record(who, "PAGED", "subject of " + who, null));
        }
        AuditFilter paged = new AuditFilter(java.time.Instant.now().minusSeconds(3600),
                java.time.Instant.now().plusSeconds(60), null, "PAGED");
        assertEquals(3, inTenant.call(owner, first.getId(), () -> audit.count(paged)));
        assertEquals(0, inTenant.call(owner, second.getId(), () -> audit.count(paged)), "nothing of the first tenant's");
        List<AuditEntry> byPerson = inTenant.call(owner, first.getId(),
                () -> audit.page(paged, PageRequest.sorted(0, 2, "actor", true)));
        assertEquals(List.of("ann@northwind.test", "bob@northwind.test"),
                byPerson.stream().map(AuditEntry::getActor).toList(), "one page of two, sorted by person");
        assertEquals(List.of("joann@northwind.test"), inTenant.call(owner, first.getId(),
                () -> audit.page(paged, PageRequest.sorted(2, 2, "actor", true))).stream().map(AuditEntry::getActor).toList());
        AuditFilter ann = new AuditFilter(paged.from(), paged.until(), "ANN", "PAGED");
        assertEquals(2, inTenant.call(owner, first.getId(), () -> audit.count(ann)), "part of an e-mail, any case");
        assertThrows(RuleViolation.class, () -> inTenant.call(owner, first.getId(),
                () -> audit.page(paged, PageRequest.sorted(0, 2, "detail", true))), "only the offered sort fields");
        RuleViolation tooMany = assertThrows(RuleViolation.class,
                () -> inTenant.call(owner, first.getId(), () -> audit.export(paged, 2)));
        assertTrue(tooMany.getMessage().contains("narrow it down"), tooMany.getMessage());
        assertEquals(3, inTenant.call(owner, first.getId(), () -> audit.export(paged, 3)).size(), "all or nothing");
    }

    @Test
    void schemaNamesOutsideThePatternAreRefusedBeforeAnySqlRuns() throws Exception {
        for (String bad : List.of("herald_t_x; DROP DATABASE herald", "herald", "mysql", "herald_t_", "herald_t_A",
                "herald_t_x`", "herald_t_" + "a".repeat(41), "../herald_t_x", "herald_t_x\n")) {
            assertThrows(SchemaName.InvalidSchemaName.class, () -> new SchemaName(bad), bad);
        }
        Tenant victim = freshClient("Tampered");
        String forged = "herald_t_x`; DROP DATABASE `herald";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE tenant SET schema_name = '" + forged.replace("'", "''") + "' WHERE id = " + victim.getId());
        }
        try {
            Tenant tampered = registry.find(victim.getId()).orElseThrow();
            Exception refused = assertThrows(Exception.class, () -> provisioning.migrate(tampered));
            assertTrue(causedBy(refused, SchemaName.InvalidSchemaName.class), refused.toString());
            assertThrows(SchemaName.InvalidSchemaName.class, tampered::getSchema);
            assertTrue(migrations.schemaExists(victim.getSchema()), "nothing was dropped");
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE tenant SET schema_name = '" + victim.getSchema().value() + "' WHERE id = "
                        + victim.getId());
            }
        }
    }

    @Test
    void aPersonReachesOnlyTheTenantsTheirMembershipAllows() {
        long acme = demo(Demo.ACME).getId();
        long globex = demo(Demo.GLOBEX).getId();
        long initech = demo(Demo.INITECH).getId();
        assertEquals(Demo.ACME, inTenant.call(actor(Demo.ACME_APPROVER), acme, () -> Demo.ACME));

        assertThrows(AccessDenied.class, () -> inTenant.call(actor(Demo.ACME_APPROVER), globex, () -> "leak"),
                "a client user of Acme with Globex's id");
        assertThrows(AccessDenied.class, () -> inTenant.call(actor(Demo.NORTHWIND_EDITOR), globex, () -> "leak"),
                "an editor limited to Acme");
        assertThrows(AccessDenied.class, () -> inTenant.call(actor(Demo.NORTHWIND_OWNER), initech, () -> "leak"),
                "Northwind's owner in Southwind's client");
        assertThrows(AccessDenied.class, () -> inTenant.call(actor(Demo.SOUTHWIND_OWNER), acme, () -> "leak"),
                "Southwind's owner in Northwind's client");
        assertThrows(AccessDenied.class, () -> inTenant.call(actor(Demo.ADMIN), acme, () -> "leak"),
                "the platform admin does not read client data");
        assertThrows(AccessDenied.class, () -> inTenant.call(actor(Demo.ACME_APPROVER), 987_654_321L, () -> "leak"),
                "an id that does not exist answers like a forbidden one");

        // Admitting Herald into a client for a round's plain SQL (ADR 0033) binds nothing: the request stays in Acme.
        assertEquals(acme, inTenant.call(actor(Demo.NORTHWIND_OWNER), acme, () -> {
            assertEquals(demo(Demo.GLOBEX).getSchema(), tenantJobs.admitted(jobOf(globex), "publisher@herald")
                    .orElseThrow().schema());
            return context.current().id();
        }));
        assertTrue(tenantJobs.admitted(jobOf(987_654_321L), "publisher@herald").isEmpty(), "nor a forged client");
    }

    private static app.herald.jobs.domain.Job jobOf(long tenantId) {
        return new app.herald.jobs.domain.Job(1, "publish", "PUBLICATION", tenantId, 1, 0, java.time.Instant.now(), 1,
                "token");
    }

    @Test
    void anotherAgencysClientCannotBeChangedThroughForgedIds() {
        Tenant initech = demo(Demo.INITECH);
        Actor northwindOwner = actor(Demo.NORTHWIND_OWNER);
        assertThrows(AccessDenied.class, () -> administration.rename(northwindOwner, initech.getId(), "Pwned"));
        assertThrows(AccessDenied.class, () -> administration.deactivate(northwindOwner, initech.getId()));
        assertThrows(AccessDenied.class, () -> administration.delete(northwindOwner, initech.getId(), Demo.INITECH));
        assertThrows(AccessDenied.class, () -> administration.moveToZone(actor(Demo.NORTHWIND_EDITOR),
                demo(Demo.ACME).getId(), "Asia/Tokyo"), "an editor does not run the agency");
        assertThrows(AccessDenied.class, () -> provisioning.create(northwindOwner, initech.getAgencyId(), "Mine", "UTC/X"));
        Tenant after = registry.find(initech.getId()).orElseThrow();
        assertEquals(Demo.INITECH, after.getName());
        assertTrue(after.isActive());
        assertTrue(migrations.schemaExists(after.getSchema()));
    }

    @Test
    void twoTenantsServedInParallelNeverReadEachOthersRows() throws Exception {
        Actor owner = actor(Demo.NORTHWIND_OWNER);
        Tenant red = freshClient("Red");
        Tenant blue = freshClient("Blue");
        int iterations = 150;
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<Integer>> runs = new ArrayList<>();
        for (Tenant tenant : List.of(red, blue, red, blue)) {
            runs.add(threads.submit(() -> {
                int crossReads = 0;
                for (int i = 0; i < iterations; i++) {
                    String mark = "tenant-" + tenant.getId();
                    List<AuditEntry> seen = inTenant.callOnThisThread(owner, tenant.getId(), () -> {
                        audit.record("load", "PING", mark, null);
                        return audit.recent(10);
                    });
                    crossReads += (int) seen.stream().filter(e -> !e.getSubject().equals(mark)).count();
                }
                return crossReads;
            }));
        }
        for (Future<Integer> run : runs) {
            assertEquals(0, run.get(), "rows of another tenant were read");
        }
        threads.shutdown();
        long redRows = inTenant.call(owner, red.getId(), () -> audit.recent(10_000)).size();
        assertEquals(2 * iterations, redRows, "every write landed in its own tenant's schema");
    }

    @Test
    void anEntityIdFromAnotherTenantFindsNothingOfThatTenant() {
        Actor owner = actor(Demo.NORTHWIND_OWNER);
        Tenant one = freshClient("One");
        Tenant two = freshClient("Two");
        AuditEntry secret = inTenant.call(owner, two.getId(), () -> audit.record("x", "SECRET", "two's secret", "hush"));
        inTenant.call(owner, one.getId(), () -> audit.find(secret.getId()))
                .ifPresent(e -> assertNotEquals("two's secret", e.getSubject()));
        assertTrue(inTenant.call(owner, one.getId(), () -> audit.recent(100)).stream()
                .noneMatch(e -> e.getSubject().equals("two's secret")));
    }

    @Test
    void aNodeHoldsNoMoreConnectionsThanTheConfiguredPoolWhateverItServes() throws Exception {
        int max = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("db.pool.max", Integer.class);
        assertEquals(24, max, "Failsafe sizes the pool below the default of 32, so that this test tells");
        // A burst of 40 at once first: Payara's pool once grew past the configured size under one, up to 32.
        ExecutorService burst = Executors.newFixedThreadPool(40);
        List<Future<Object>> requests = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            requests.add(burst.submit(() -> {
                try (Connection c = dataSource.getConnection()) {
                    Thread.sleep(300);
                }
                return null;
            }));
        }
        for (Future<Object> request : requests) {
            try {
                request.get();
            } catch (java.util.concurrent.ExecutionException waitedTooLong) {
                // a request that waited longer than the pool's wait time: the pool holding its limit
            }
        }
        burst.shutdown();
        List<Connection> held = new ArrayList<>();
        try {
            SQLException refused = null;
            while (held.size() <= max) {
                try {
                    held.add(dataSource.getConnection());
                } catch (SQLException e) {
                    refused = e;
                    break;
                }
            }
            assertTrue(refused != null, "connection " + (max + 1) + " was refused");
            assertTrue(held.size() <= max && held.size() > max - 8, "held " + held.size() + " of " + max
                    + " (the job engine may hold a few)");
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }

    @Test
    void deactivationKeepsDataAndDeletionNeedsTheExactName() {
        Actor owner = actor(Demo.NORTHWIND_OWNER);
        Tenant tenant = freshClient("Short-lived");
        administration.deactivate(owner, tenant.getId());
        assertThrows(RuleViolation.class, () -> inTenant.call(owner, tenant.getId(), () -> "in"),
                "a deactivated client cannot be opened");
        assertTrue(tenantJobs.admitted(jobOf(tenant.getId()), "publisher@herald").isEmpty(),
                "nor worked in by a round across clients");
        assertTrue(migrations.schemaExists(tenant.getSchema()), "deactivation keeps the schema");

        administration.reactivate(owner, tenant.getId());
        assertTrue(tenantJobs.admitted(jobOf(tenant.getId()), "publisher@herald").isPresent(), "until reactivated");
        assertEquals(1, inTenant.call(owner, tenant.getId(), () -> audit.recent(10)).stream()
                .filter(e -> e.getAction().equals("CLIENT_DEACTIVATED")).count(), "the audit log kept the history");

        assertThrows(AccessDenied.class, () -> administration.delete(actor(Demo.NORTHWIND_ANALYST), tenant.getId(),
                tenant.getName()), "only an owner deletes");
        assertThrows(RuleViolation.class, () -> administration.delete(owner, tenant.getId(), "wrong name"));
        assertTrue(migrations.schemaExists(tenant.getSchema()));

        jobs.plan("probe", "LEFT_BEHIND", tenant.getId(), 1, 0, java.time.Instant.parse("2100-01-01T00:00:00Z"));
        administration.delete(owner, tenant.getId(), tenant.getName());
        assertFalse(migrations.schemaExists(tenant.getSchema()), "the schema was dropped");
        assertTrue(registry.find(tenant.getId()).isEmpty());
        assertTrue(jobs.find("probe", "LEFT_BEHIND", tenant.getId(), 1).isEmpty(), "its jobs went with it");
    }

    @Test
    void badNamesAndZonesAreRefusedWithAMessageAndCreateNothing() {
        Actor owner = actor(Demo.NORTHWIND_OWNER);
        long agency = owner.agencyId().orElseThrow();
        int before = registry.ofAgency(agency).size();
        RuleViolation zone = assertThrows(RuleViolation.class,
                () -> provisioning.create(owner, agency, "Zoned", "Mars/Olympus"));
        assertTrue(zone.getMessage().contains("not a known time zone"), zone.getMessage());
        assertThrows(RuleViolation.class, () -> provisioning.create(owner, agency, "Offset", "+02:00"));
        assertThrows(RuleViolation.class, () -> provisioning.create(owner, agency, "  ", "Europe/Paris"));
        assertThrows(RuleViolation.class, () -> provisioning.create(owner, agency, Demo.ACME, "Europe/Paris"),
                "a second client with the same name");
        assertEquals(before, registry.ofAgency(agency).size());
        assertEquals(ZoneId.of("Europe/Berlin"), demo(Demo.ACME).getZone());
    }
}
