package app.herald.demo.application;

import app.herald.platform.application.Agencies;
import app.herald.approval.domain.ApprovalMode;
import app.herald.identity.application.PasswordHashing;
import app.herald.identity.domain.Membership;
import app.herald.identity.domain.Role;
import app.herald.identity.domain.User;
import app.herald.identity.domain.Agency;
import app.herald.tenancy.application.TenantProvisioning;
import app.herald.tenancy.domain.Tenant;
import app.herald.tenancy.infrastructure.SchemaMigrations;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The demo world, loaded only in demo mode into an empty database: a platform admin, two agencies (so that
 * agency-to-agency isolation can be tried), their staff, three clients and their approvers. Every password is
 * {@value #PASSWORD}.
 */
@Stateless
public class DemoData {

    public static final String PASSWORD = "herald-demo";
    public static final String NORTHWIND_OWNER = "owner@northwind.test";
    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @PersistenceContext(unitName = "herald")
    EntityManager em;
    @Inject
    Agencies agencies;
    @Inject
    TenantProvisioning provisioning;
    @Inject
    SchemaMigrations migrations;
    @Inject
    PasswordHashing hashing;
    @Resource
    SessionContext context;
    @Inject
    DemoContent content;

    /** The demo logins, printed at start-up. */
    public static final List<String> LOGINS = List.of(
            "admin@herald.test (platform admin)",
            "owner@northwind.test (Northwind Social owner)",
            "manager@northwind.test (Northwind manager)",
            "editor@northwind.test (editor, Acme Coffee only)",
            "analyst@northwind.test (analyst)",
            "approver@acme.test (Acme Coffee client approver)",
            "approver@globex.test (Globex Outdoor client approver)",
            "owner@southwind.test (Southwind Media owner)");

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void load() {
        String hash = hashing.hash(PASSWORD);
        Agency northwind = agencies.register("Northwind Social");
        Agency southwind = agencies.register("Southwind Media");
        Tenant acme = client(northwind, "Acme Coffee", "Europe/Berlin");
        Tenant globex = client(northwind, "Globex Outdoor", "America/New_York");
        Tenant initech = client(southwind, "Initech Labs", "Europe/London");
        context.getBusinessObject(DemoData.class).people(hash, northwind, southwind, acme, globex);
        content.load(acme.getId(), new DemoContent.Cast("editor@northwind.test", "manager@northwind.test",
                "approver@acme.test"), "Acme Coffee", ApprovalMode.INTERNAL_THEN_CLIENT);
        content.load(globex.getId(), new DemoContent.Cast("manager@northwind.test", "owner@northwind.test",
                "approver@globex.test"), "Globex Outdoor", ApprovalMode.INTERNAL_THEN_CLIENT);
        content.load(initech.getId(), new DemoContent.Cast("owner@southwind.test", null, null), "Initech Labs",
                ApprovalMode.NONE);
        LOG.info(() -> "Demo data loaded: 2 agencies, 3 clients (" + initech.getName() + " belongs to Southwind)");
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void people(String hash, Agency northwind, Agency southwind, Tenant acme, Tenant globex) {
        Instant now = Instant.now();
        em.persist(User.platformAdmin("admin@herald.test", "Platform Admin", hash, now));
        staff(hash, "owner@northwind.test", "Nora Owner", northwind, Role.OWNER, now);
        staff(hash, "editor@northwind.test", "Eddie Editor", northwind, Role.EDITOR, now).limitTo(Set.of(acme.getId()));
        staff(hash, "manager@northwind.test", "Max Manager", northwind, Role.MANAGER, now);
        staff(hash, "analyst@northwind.test", "Ana Analyst", northwind, Role.ANALYST, now);
        staff(hash, "owner@southwind.test", "Sam Owner", southwind, Role.OWNER, now);
        clientUser(hash, "approver@acme.test", "Alex from Acme", acme, now);
        clientUser(hash, "approver@globex.test", "Gina from Globex", globex, now);
    }

    private User user(String hash, String email, String name, Instant now) {
        User user = User.invite(email, now);
        user.activate(name, hash);
        em.persist(user);
        em.flush();
        return user;
    }

    private Membership staff(String hash, String email, String name, Agency agency, Role role, Instant now) {
        Membership membership = Membership.staff(user(hash, email, name, now).getId(), agency.getId(), role);
        em.persist(membership);
        return membership;
    }

    private void clientUser(String hash, String email, String name, Tenant tenant, Instant now) {
        em.persist(Membership.client(user(hash, email, name, now).getId(), tenant.getAgencyId(), tenant.getId(),
                Role.APPROVER));
    }

    private Tenant client(Agency agency, String name, String zone) {
        Tenant tenant = provisioning.provision(agency.getId(), name, ZoneId.of(zone));
        migrations.runFixture(tenant.getSchema(), "db/tenant-demo/demo-fixtures.sql", Instant.now().toEpochMilli());
        return tenant;
    }
}
