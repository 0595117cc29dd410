package app.herald.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.identity.application.Actors;
import app.herald.identity.application.Invitations;
import app.herald.identity.application.LoginThrottle;
import app.herald.identity.application.MemberAdministration;
import app.herald.identity.application.OneTimeLinks;
import app.herald.identity.application.PasswordHashing;
import app.herald.identity.application.PasswordResets;
import app.herald.identity.domain.Actor;
import app.herald.identity.domain.OneTimeToken.Purpose;
import app.herald.identity.domain.Role;
import app.herald.identity.domain.User;
import app.herald.identity.infrastructure.HeraldIdentityStore;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.platform.application.Agencies;
import app.herald.identity.domain.Agency;
import app.herald.tenancy.application.TenantAdministration;
import app.herald.tenancy.application.TenantProvisioning;
import app.herald.tenancy.application.TenantRegistry;
import app.herald.tenancy.domain.Tenant;
import app.herald.testsupport.Demo;
import app.herald.testsupport.HeraldDeployment;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Identity on the real server: password storage, throttling, sign-in rules, invitations, one-time links, people. */
@ExtendWith(ArquillianExtension.class)
class IdentityIT {

    @Deployment
    static WebArchive deployment() {
        return HeraldDeployment.war(IdentityIT.class);
    }

    @Inject
    Actors actors;
    @Inject
    HeraldIdentityStore identityStore;
    @Inject
    LoginThrottle throttle;
    @Inject
    Invitations invitations;
    @Inject
    OneTimeLinks links;
    @Inject
    PasswordResets resets;
    @Inject
    MemberAdministration people;
    @Inject
    Agencies agencies;
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantAdministration tenants;
    @Inject
    TenantRegistry registry;
    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;
    @Resource
    UserTransaction tx;

    private Actor actor(String email) {
        return actors.byEmail(email).orElseThrow();
    }

    private static String unique(String local) {
        return local + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static String tokenOf(String link) {
        return link.substring(link.indexOf("token=") + 6);
    }

    /** An invited person who accepted, through a freshly issued invitation link. */
    private void accept(String email, String password) throws Exception {
        User user = actors.userByEmail(email).orElseThrow();
        tx.begin();
        String link = links.issue(user, Purpose.INVITATION, Duration.ofHours(1), Invitations.ACCEPT_PAGE);
        tx.commit();
        invitations.accept(tokenOf(link), "Tess Tester", password);
    }

    private CredentialValidationResult signIn(String email, String password) {
        return identityStore.validate(new UsernamePasswordCredential(email, password));
    }

    @Test
    void storedHashesArePbkdf2Sha512With210000IterationsAndRandomSalt() {
        String hash = actors.userByEmail(Demo.NORTHWIND_OWNER).orElseThrow().getPasswordHash();
        String[] parts = hash.split(":");
        assertEquals(PasswordHashing.ALGORITHM, parts[0]);
        assertEquals("PBKDF2WithHmacSHA512", parts[0]);
        assertTrue(Integer.parseInt(parts[1]) >= 210_000, hash);
        assertEquals(32, Base64.getDecoder().decode(parts[2]).length, "salt bytes");
        assertEquals(64, Base64.getDecoder().decode(parts[3]).length, "key bytes");
    }

    @Test
    void signInGivesTheRoleAndItsGroupAndRefusesWrongPasswords() {
        CredentialValidationResult owner = signIn(Demo.NORTHWIND_OWNER, Demo.PASSWORD);
        assertEquals(CredentialValidationResult.Status.VALID, owner.getStatus());
        assertEquals(Set.of("OWNER", "MEMBER"), owner.getCallerGroups());
        assertEquals(Set.of("APPROVER", "CLIENT"), signIn(Demo.ACME_APPROVER, Demo.PASSWORD).getCallerGroups());
        assertEquals(Set.of("PLATFORM_ADMIN"), signIn(Demo.ADMIN, Demo.PASSWORD).getCallerGroups());
        assertEquals(CredentialValidationResult.Status.INVALID, signIn(Demo.NORTHWIND_OWNER, "herald-demo ").getStatus());
        assertEquals(CredentialValidationResult.Status.INVALID, signIn("nobody@northwind.test", Demo.PASSWORD).getStatus());
    }

    @Test
    void throttlingEngagesPerAccountAndPerAddress() {
        Instant now = Instant.now();
        String victim = unique("victim");
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure(victim, "10.9.9." + i, now);
        }
        assertTrue(throttle.refusal(victim, "10.9.9.99", now).isEmpty(), "four failures are allowed");
        throttle.recordFailure(victim, "10.9.9.5", now);
        String refusal = throttle.refusal(victim, "10.9.9.99", now).orElseThrow();
        assertTrue(refusal.startsWith("Too many failed sign-ins for this account. Try again in 15 minutes"), refusal);
        assertTrue(throttle.refusal(unique("other"), "10.9.9.99", now).isEmpty(), "other accounts are not locked");
        assertTrue(throttle.refusal(victim, "10.9.9.99", now.plus(Duration.ofMinutes(16))).isEmpty(), "the lock ends");

        String address = "10.8." + (int) (Math.random() * 250) + ".1";
        for (int i = 0; i < 20; i++) {
            throttle.recordFailure(unique("spray"), address, now);
        }
        assertTrue(throttle.refusal(unique("fresh"), address, now).orElseThrow().contains("from your network"));
        throttle.forgive(victim);
        assertTrue(throttle.refusal(victim, "10.9.9.99", now).isEmpty(), "a successful sign-in forgives");
    }

    @Test
    void invitationsReachOnlyTheInvitersOwnAgencyAndClients() {
        Actor northwind = actor(Demo.NORTHWIND_OWNER);
        long initech = registry.all().stream().filter(t -> t.getName().equals(Demo.INITECH)).findFirst().orElseThrow().getId();
        String email = unique("intruder");
        assertThrows(AccessDenied.class, () -> invitations.inviteClientUser(northwind, initech, email, Role.APPROVER));
        assertThrows(AccessDenied.class, () -> invitations.inviteMember(northwind, email, Role.EDITOR, Set.of(initech)));
        assertThrows(AccessDenied.class, () -> invitations.inviteMember(actor(Demo.NORTHWIND_EDITOR), email, Role.EDITOR,
                Set.of()), "an editor does not invite");
        assertThrows(AccessDenied.class, () -> invitations.inviteMember(actor(Demo.ACME_APPROVER), email, Role.OWNER,
                Set.of()), "a client user does not invite");
        assertThrows(RuleViolation.class, () -> invitations.inviteMember(northwind, Demo.SOUTHWIND_OWNER, Role.EDITOR,
                Set.of()), "a person already in another agency");
        for (String bad : new String[] {"not-an-email", "<script>alert(1)</script>@x.com", "a@b", ""}) {
            assertThrows(RuleViolation.class, () -> invitations.inviteMember(northwind, bad, Role.EDITOR, Set.of()), bad);
        }
        assertTrue(actors.userByEmail(email).isEmpty(), "nothing was created");
    }

    @Test
    void anInvitationLinkWorksOnceAndNotAfterItExpires() throws Exception {
        Actor owner = actor(Demo.NORTHWIND_OWNER);
        String email = unique("newbie");
        invitations.inviteMember(owner, email, Role.ANALYST, Set.of());
        User invited = actors.userByEmail(email).orElseThrow();
        assertFalse(invited.canSignIn());

        tx.begin();
        String token = tokenOf(links.issue(invited, Purpose.INVITATION, Duration.ofHours(1), Invitations.ACCEPT_PAGE));
        tx.commit();
        assertEquals(email, invitations.describe(token).email());
        RuleViolation weak = assertThrows(RuleViolation.class, () -> invitations.accept(token, "N", "short"));
        assertTrue(weak.getMessage().contains("at least 12"), weak.getMessage());
        invitations.accept(token, "Nina Newbie", "a long enough passphrase");
        RuleViolation again = assertThrows(RuleViolation.class,
                () -> invitations.accept(token, "Mallory", "another long passphrase"));
        assertTrue(again.getMessage().contains("already been used"), again.getMessage());
        assertEquals(CredentialValidationResult.Status.VALID, signIn(email, "a long enough passphrase").getStatus());

        tx.begin();
        String reset = tokenOf(links.issue(invited, Purpose.PASSWORD_RESET, Duration.ofHours(1), PasswordResets.RESET_PAGE));
        tx.commit();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE one_time_token SET expires_at = 1 WHERE user_id = " + invited.getId()
                    + " AND purpose = 'PASSWORD_RESET'");
        }
        RuleViolation expired = assertThrows(RuleViolation.class, () -> resets.reset(reset, "a brand new passphrase"));
        assertTrue(expired.getMessage().contains("expired"), expired.getMessage());
        assertThrows(RuleViolation.class, () -> invitations.describe(reset), "a reset link is no invitation");
        assertThrows(RuleViolation.class, () -> resets.reset("forged-token", "a brand new passphrase"));
        assertEquals(CredentialValidationResult.Status.VALID, signIn(email, "a long enough passphrase").getStatus(),
                "the password is unchanged");
    }

    @Test
    void aSuspendedAgencyOrDeactivatedClientCannotSignInAndKeepsItsData() throws Exception {
        Actor admin = actor(Demo.ADMIN);
        String ownerEmail = unique("boss");
        Agency agency = agencies.create(admin, "Suspended " + UUID.randomUUID(), ownerEmail);
        accept(ownerEmail, "owner passphrase 123");
        Actor owner = actor(ownerEmail);
        Tenant client = provisioning.create(owner, agency.getId(), "Client " + UUID.randomUUID(), "Asia/Tokyo");
        String clientEmail = unique("client");
        invitations.inviteClientUser(owner, client.getId(), clientEmail, Role.VIEWER);
        accept(clientEmail, "client passphrase 123");
        assertEquals(CredentialValidationResult.Status.VALID, signIn(clientEmail, "client passphrase 123").getStatus());

        tenants.deactivate(owner, client.getId());
        assertEquals(CredentialValidationResult.Status.INVALID, signIn(clientEmail, "client passphrase 123").getStatus());
        tenants.reactivate(owner, client.getId());
        assertEquals(CredentialValidationResult.Status.VALID, signIn(clientEmail, "client passphrase 123").getStatus());

        agencies.suspend(admin, agency.getId());
        assertEquals(CredentialValidationResult.Status.INVALID, signIn(ownerEmail, "owner passphrase 123").getStatus());
        assertEquals(CredentialValidationResult.Status.INVALID, signIn(clientEmail, "client passphrase 123").getStatus());
        assertTrue(registry.find(client.getId()).isPresent(), "suspension deletes nothing");
        agencies.reactivate(admin, agency.getId());
        assertEquals(CredentialValidationResult.Status.VALID, signIn(ownerEmail, "owner passphrase 123").getStatus());
        assertThrows(AccessDenied.class, () -> agencies.suspend(owner, agency.getId()), "only the operator suspends");
    }

    @Test
    void peopleAreManagedOnlyWithinTheAgencyAndItKeepsAnOwner() {
        Actor northwind = actor(Demo.NORTHWIND_OWNER);
        Actor southwind = actor(Demo.SOUTHWIND_OWNER);
        long southwindOwnerMembership = actors.membershipOf(southwind.userId()).orElseThrow().getId();
        long analystMembership = actors.membershipOf(actor(Demo.NORTHWIND_ANALYST).userId()).orElseThrow().getId();
        long initech = registry.all().stream().filter(t -> t.getName().equals(Demo.INITECH)).findFirst().orElseThrow().getId();
        Set<Long> northwindClients = Set.copyOf(registry.ofAgency(northwind.agencyId().orElseThrow()).stream()
                .map(Tenant::getId).toList());

        assertThrows(AccessDenied.class, () -> people.remove(northwind, southwindOwnerMembership));
        assertThrows(AccessDenied.class, () -> people.changeRole(northwind, southwindOwnerMembership, Role.VIEWER));
        assertThrows(AccessDenied.class, () -> people.limitToClients(northwind, analystMembership, Set.of(initech),
                northwindClients));
        assertThrows(AccessDenied.class, () -> people.peopleOf(actor(Demo.ACME_APPROVER)));
        RuleViolation self = assertThrows(RuleViolation.class,
                () -> people.remove(southwind, southwindOwnerMembership));
        assertTrue(self.getMessage().contains("your own"), self.getMessage());
        assertTrue(people.peopleOf(northwind).stream().noneMatch(p -> p.email().endsWith("southwind.test")));
        assertTrue(actors.byEmail(Demo.SOUTHWIND_OWNER).isPresent(), "Southwind's owner is untouched");
    }
}
