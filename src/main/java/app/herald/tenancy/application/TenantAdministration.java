package app.herald.tenancy.application;

import app.herald.identity.application.MemberAdministration;
import app.herald.identity.domain.Actor;
import app.herald.jobs.application.Jobs;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.tenancy.domain.Logo;
import app.herald.tenancy.domain.Tenant;
import app.herald.tenancy.infrastructure.SchemaMigrations;
import app.herald.tenancy.infrastructure.TenantEntityManagerProducer;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** What owners and managers do to a client tenant: rename, move its time zone, brand, deactivate, delete. */
@Stateless
public class TenantAdministration {

    private static final Logger LOG = Logger.getLogger(TenantAdministration.class.getName());

    @Resource
    SessionContext self;
    @Inject
    TenantStandings standings;
    @Inject
    Jobs jobs;

    @Inject
    TenantRegistry registry;
    @Inject
    TenantContext context;
    @Inject
    TenantAuditLog audit;
    @Inject
    TenantSchemaStatus status;
    @Inject
    SchemaMigrations migrations;
    @Inject
    MemberAdministration members;
    @Inject
    TenantEntityManagerProducer entityManagers;

    public void rename(Actor actor, long tenantId, String newName) {
        Tenant tenant = managed(actor, tenantId);
        String clean = Tenant.requireName(newName);
        if (registry.nameTaken(tenant.getAgencyId(), clean, tenantId)) {
            throw new RuleViolation("The agency already has a client named \"" + clean + "\".");
        }
        String old = tenant.getName();
        tenant.rename(clean);
        audited(actor, tenant, "CLIENT_RENAMED", "Renamed from \"" + old + "\" to \"" + clean + "\"");
    }

    public void moveToZone(Actor actor, long tenantId, String zoneId) {
        Tenant tenant = managed(actor, tenantId);
        String old = tenant.getTimeZone();
        tenant.moveToZone(Tenant.requireZone(zoneId));
        audited(actor, tenant, "TIME_ZONE_CHANGED", old + " -> " + tenant.getTimeZone());
    }

    public void changeLogo(Actor actor, long tenantId, byte[] upload) {
        Tenant tenant = managed(actor, tenantId);
        Logo logo = Logo.fromUpload(upload);
        tenant.changeLogo(logo);
        audited(actor, tenant, "LOGO_CHANGED", logo.contentType() + ", " + upload.length + " bytes");
    }

    public void deactivate(Actor actor, long tenantId) {
        Tenant tenant = managed(actor, tenantId);
        tenant.deactivate();
        audited(actor, tenant, "CLIENT_DEACTIVATED", "Its users can no longer sign in; all data is kept");
    }

    public void reactivate(Actor actor, long tenantId) {
        Tenant tenant = managed(actor, tenantId);
        tenant.reactivate();
        audited(actor, tenant, "CLIENT_REACTIVATED", null);
    }

    /**
     * Deletes a client and drops its schema, once the owner has typed its exact name. The registry entry, its
     * memberships and its jobs go in one transaction, then the schema: the DROP commits implicitly on MySQL, so it
     * cannot share that transaction, and a client no longer registered is never entered again.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void delete(Actor actor, long tenantId, String typedName) {
        Tenant tenant = registry.find(tenantId)
                .filter(t -> actor.mayDeleteClientsOf(t.getAgencyId()))
                .orElseThrow(() -> new AccessDenied(actor.email() + " may not delete tenant " + tenantId));
        if (!tenant.isConfirmedBy(typedName)) {
            throw new RuleViolation("Type the client's name exactly (\"" + tenant.getName() + "\") to delete it.");
        }
        self.getBusinessObject(TenantAdministration.class).unregister(tenantId);
        status.forget(tenantId);
        migrations.dropTenant(tenant.getSchema());
        entityManagers.forget(tenant.getSchema().value());
        LOG.info(() -> actor.email() + " deleted client \"" + tenant.getName() + "\" and schema " + tenant.getSchema());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void unregister(long tenantId) {
        members.forgetTenant(tenantId);
        registry.remove(tenantId);
        standings.forget();
        jobs.dropTenant(tenantId);
    }

    private Tenant managed(Actor actor, long tenantId) {
        return registry.find(tenantId).filter(t -> actor.runs(t.getAgencyId()))
                .orElseThrow(() -> new AccessDenied(actor.email() + " may not manage tenant " + tenantId));
    }

    private void audited(Actor actor, Tenant tenant, String action, String detail) {
        standings.forget();
        context.bind(tenant.ref());
        audit.record(actor.email(), action, "client", detail);
    }
}
