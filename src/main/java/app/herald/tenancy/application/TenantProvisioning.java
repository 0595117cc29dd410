package app.herald.tenancy.application;

import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.tenancy.domain.SchemaName;
import app.herald.tenancy.domain.Tenant;
import app.herald.tenancy.infrastructure.SchemaMigrations;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates a client tenant: registers it, creates its schema and migrates it. Runs outside a JTA transaction because
 * MySQL commits DDL implicitly; a failure on the way removes what was made, so no half-made tenant remains.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TenantProvisioning {

    private static final Logger LOG = Logger.getLogger(TenantProvisioning.class.getName());

    @Inject
    TenantRegistry registry;
    @Inject
    SchemaMigrations migrations;
    @Inject
    TenantSchemaStatus status;

    public Tenant create(Actor actor, long agencyId, String name, String zoneId) {
        if (!actor.runs(agencyId)) {
            throw new AccessDenied(actor.email() + " may not create clients for agency " + agencyId);
        }
        return provision(agencyId, name, Tenant.requireZone(zoneId));
    }

    /** For start-up tasks (demo data) that act for the platform itself rather than for a signed-in person. */
    public Tenant provision(long agencyId, String name, ZoneId zone) {
        String cleanName = Tenant.requireName(name);
        if (registry.nameTaken(agencyId, cleanName, -1)) {
            throw new RuleViolation("The agency already has a client named \"" + cleanName + "\".");
        }
        Tenant tenant = registry.register(new Tenant(agencyId, cleanName, zone, SchemaName.issue(), Instant.now()));
        SchemaName schema = tenant.getSchema();
        try {
            registry.recordVersion(tenant.getId(), migrations.migrateTenant(schema));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Creating schema " + schema + " for client " + cleanName + " failed; rolling back", e);
            safely(() -> migrations.dropTenant(schema));
            safely(() -> registry.remove(tenant.getId()));
            throw new RuleViolation("The client could not be created because its database schema could not be set up. "
                    + "Nothing was kept; please try again or ask the operator to check the logs.");
        }
        status.migrated(tenant.getId());
        LOG.info(() -> "Created client \"" + cleanName + "\" (tenant " + tenant.getId() + ") in schema " + schema);
        return registry.find(tenant.getId()).orElseThrow();
    }

    /** Brings an existing tenant's schema to this build's migrations; running it again changes nothing. */
    public String migrate(Tenant tenant) {
        String version = migrations.migrateTenant(tenant.getSchema());
        registry.recordVersion(tenant.getId(), version);
        status.migrated(tenant.getId());
        return version;
    }

    private static void safely(Runnable cleanup) {
        try {
            cleanup.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Clean-up after a failed provisioning failed too", e);
        }
    }
}
