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
import app.herald.identity.application.SingleSignOn;
import app.herald.identity.application.TwoFactor;
import app.herald.identity.domain.OneTimeCodes;
import app.herald.identity.domain.Actor;
import app.herald.identity.domain.OneTimeToken.Purpose;
import app.herald.identity.domain.ProvenIdentity;
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
import app.herald.testsupport.InTenant;
import app.herald.testsupport.OidcProvider;
import app.herald.testsupport.WebClient;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.transaction.UserTransaction;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Identity on the real server: password storage, throttling, sign-in rules, invitations, one-time links, people, and
 * two-factor sign-in (through the real sign-in pages over HTTP).
 */
@ExtendWith(ArquillianExtension.class)
class IdentityIT {

    @Deployment
    static WebArchive deployment() {
        return HeraldDeployment.war(IdentityIT.class, WebClient.class, OidcProvider.class);
    }

    @Inject
    InTenant inTenant;
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
    @Inject
    TwoFactor twoFactor;
    @Inject
    SingleSignOn singleSignOn;
    @ArquillianResource
    URL base;

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

        assertEquals("in", inTenant.call(owner, client.getId(), () -> "in"), "the gate has seen the client active");
        tenants.deactivate(owner, client.getId());
        assertEquals(CredentialValidationResult.Status.INVALID, signIn(clientEmail, "client passphrase 123").getStatus());
        assertThrows(RuleViolation.class, () -> inTenant.call(owner, client.getId(), () -> "in"),
                "what the gate kept about the client is forgotten at once");
        tenants.reactivate(owner, client.getId());
        assertEquals(CredentialValidationResult.Status.VALID, signIn(clientEmail, "client passphrase 123").getStatus());

        assertEquals("in", inTenant.call(owner, client.getId(), () -> "in"), "reactivated: seen at once");
        agencies.suspend(admin, agency.getId());
        assertThrows(AccessDenied.class, () -> inTenant.call(owner, client.getId(), () -> "in"),
                "the gate forgets what it kept about the agency's clients at once");
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

    /** The code the app shows at a step from now (0 now, 1 the next half minute). */
    private static String codeFor(String secret, long stepsFromNow) {
        return OneTimeCodes.codeAt(secret, OneTimeCodes.stepOf(Instant.now()) + stepsFromNow, 6);
    }

    /** Posts a page's one form with the given fields and its button, as the browser does without script. */
    private HttpResponse<String> submit(WebClient web, HttpResponse<String> page, String form,
                                        Map<String, String> fields, String button) {
        Map<String, String> posted = new LinkedHashMap<>();
        posted.put(form, form);
        fields.forEach((field, value) -> posted.put(form + ":" + field, value));
        posted.put(form + ":" + button, "");
        posted.put("jakarta.faces.ViewState", WebClient.viewState(page.body()));
        return web.post(URI.create(base.toString()).relativize(page.uri()).getPath(), posted);
    }

    private HttpResponse<String> giveCode(WebClient web, String code) {
        HttpResponse<String> page = web.get("sign-in-code.xhtml");
        assertEquals(200, page.statusCode(), "a sign-in that owes its code stays on the code page");
        return submit(web, page, "code", Map.of("value", code), "confirm");
    }

    private static boolean signedIn(WebClient web) {
        return web.get("account.xhtml").statusCode() == 200;
    }

    @Test
    void aSecondFactorIsAskedAfterThePasswordAndEachCodeSignsInOnce() throws Exception {
        String email = unique("twofa");
        String password = "two factor passphrase";
        invitations.inviteMember(actor(Demo.NORTHWIND_OWNER), email, Role.EDITOR, Set.of());
        accept(email, password);
        WebClient settings = new WebClient(base);
        assertEquals(200, settings.signIn(email, password).statusCode(), "no second factor yet");
        HttpResponse<String> account = settings.get("account.xhtml");
        assertTrue(account.body().contains("id=\"twoFactorOff\""), account.body());
        HttpResponse<String> refused = submit(settings, account, "twoFactorStart", Map.of("password", "not mine"),
                "begin");
        assertTrue(refused.body().contains("Your password is not correct."), "the password again: " + refused.body());
        HttpResponse<String> scan = submit(settings, refused, "twoFactorStart", Map.of("password", password), "begin");
        assertTrue(scan.body().contains("<svg"), "the QR code is drawn in the page");
        Matcher key = Pattern.compile("id=\"twoFactorSecret\"[^>]*>([A-Z2-7]+)<").matcher(scan.body());
        assertTrue(key.find(), scan.body());
        String secret = key.group(1);
        String wrong = String.format("%06d", (Integer.parseInt(codeFor(secret, 0)) + 1) % 1_000_000);
        HttpResponse<String> notYet = submit(settings, scan, "twoFactorEnrol", Map.of("firstCode", wrong), "confirm");
        assertTrue(notYet.body().contains("That is not the code your app shows"), notYet.body());
        HttpResponse<String> on = submit(settings, notYet, "twoFactorEnrol", Map.of("firstCode", codeFor(secret, 0)),
                "confirm");
        Matcher shown = Pattern.compile("<li><code>([a-z2-9]{5}-[a-z2-9]{5})</code></li>").matcher(on.body());
        List<String> recovery = new ArrayList<>();
        while (shown.find()) {
            recovery.add(shown.group(1));
        }
        assertEquals(10, Set.copyOf(recovery).size(), "ten different recovery codes, shown once: " + on.body());
        assertTrue(on.body().contains("id=\"twoFactorOn\""));

        WebClient web = new WebClient(base);
        HttpResponse<String> afterPassword = web.signIn(email, password);
        assertTrue(afterPassword.uri().getPath().endsWith("/sign-in-code.xhtml"), afterPassword.uri().toString());
        assertFalse(signedIn(web), "the password alone opens nothing");
        assertTrue(giveCode(web, wrong).body().contains("That code is not right"));
        String next = codeFor(secret, 1);
        assertEquals(302, giveCode(web, next).statusCode(), "the app's next code signs in");
        assertTrue(signedIn(web));
        assertTrue(web.get("account.xhtml").body().contains("10 of 10 recovery codes left"));

        WebClient replay = new WebClient(base);
        replay.signIn(email, password);
        String replayed = giveCode(replay, next).body();
        assertTrue(replayed.contains("That code is not right"), "a code works once: " + replayed);
        assertEquals(302, giveCode(replay, recovery.get(0).toUpperCase()).statusCode(), "a recovery code, any case");
        WebClient again = new WebClient(base);
        again.signIn(email, password);
        assertTrue(giveCode(again, recovery.get(0)).body().contains("That code is not right"), "each recovery code once");

        tx.begin();
        String reset = tokenOf(links.issue(actors.userByEmail(email).orElseThrow(), Purpose.PASSWORD_RESET,
                Duration.ofHours(1), PasswordResets.RESET_PAGE));
        tx.commit();
        resets.reset(reset, "a brand new passphrase");
        assertFalse(signedIn(web), "a new password signs the person out everywhere");
        WebClient afterReset = new WebClient(base);
        assertTrue(afterReset.signIn(email, "a brand new passphrase").uri().getPath().endsWith("/sign-in-code.xhtml"),
                "a new password does not skip the code");
        // One wrong code since the last sign-in, four more now: the fifth locks the account, as passwords do.
        for (int i = 0; i < 4; i++) {
            assertTrue(giveCode(afterReset, wrong).body().contains("That code is not right"));
        }
        String locked = giveCode(afterReset, recovery.get(1)).body();
        assertTrue(locked.contains("Too many failed sign-ins for this account"), "wrong codes count as wrong "
                + "passwords, and the reset forgave none of them: " + locked);

        assertThrows(RuleViolation.class, () -> twoFactor.turnOff(actor(email), "a brand new passphrase", wrong,
                Instant.now()), "turning it off takes a code too");
        assertTrue(twoFactor.standing(actor(email)).on());

        long membership = actors.membershipOf(actor(email).userId()).orElseThrow().getId();
        assertThrows(AccessDenied.class, () -> people.resetTwoFactor(actor(Demo.NORTHWIND_EDITOR), membership));
        assertThrows(AccessDenied.class, () -> people.resetTwoFactor(actor(Demo.SOUTHWIND_OWNER), membership));
        throttle.forgive(email);
        WebClient stillIn = new WebClient(base);
        stillIn.signIn(email, "a brand new passphrase");
        assertEquals(302, giveCode(stillIn, recovery.get(2)).statusCode());
        people.resetTwoFactor(actor(Demo.NORTHWIND_OWNER), membership);
        assertFalse(twoFactor.standing(actor(email)).on(), "an owner turns it off for a lost phone and codes");
        assertFalse(signedIn(stillIn), "and signs them out everywhere");
        assertEquals(200, new WebClient(base).signIn(email, "a brand new passphrase").statusCode(),
                "the password alone again, until they set it up anew");
    }

    @Test
    void anAgencyThatRequiresTwoFactorHasItsStaffSetItUpAtTheirNextSignIn() throws Exception {
        String ownerEmail = unique("strict");
        agencies.create(actor(Demo.ADMIN), "Strict " + UUID.randomUUID(), ownerEmail);
        accept(ownerEmail, "strict owner passphrase");
        assertThrows(AccessDenied.class, () -> twoFactor.requireForStaff(actor(Demo.NORTHWIND_EDITOR), true),
                "only owners decide");
        twoFactor.requireForStaff(actor(ownerEmail), true);

        WebClient web = new WebClient(base);
        HttpResponse<String> setup = web.signIn(ownerEmail, "strict owner passphrase");
        assertTrue(setup.uri().getPath().endsWith("/two-factor-setup.xhtml"), setup.uri().toString());
        assertFalse(signedIn(web), "nothing opens before the second factor is set up");
        assertTrue(setup.body().contains("<svg"), "the QR code is drawn in the page");
        Matcher secret = Pattern.compile("id=\"twoFactorSecret\"[^>]*>([A-Z2-7]+)<").matcher(setup.body());
        assertTrue(secret.find(), setup.body());
        HttpResponse<String> done = submit(web, setup, "enrol", Map.of("firstCode", codeFor(secret.group(1), 0)),
                "confirm");
        assertEquals(200, done.statusCode());
        assertTrue(done.body().contains("Your recovery codes"), done.body());
        assertTrue(signedIn(web), "the first code also completed the sign-in");
        String people = web.get("agency/people.xhtml").body();
        assertTrue(people.contains("Two-factor") && people.contains(">On</td>"), "the owner sees who uses it: " + people);

        RuleViolation stays = assertThrows(RuleViolation.class, () -> twoFactor.turnOff(actor(ownerEmail),
                "strict owner passphrase", codeFor(secret.group(1), 1), Instant.now()));
        assertTrue(stays.getMessage().contains("requires"), stays.getMessage());
        assertEquals(TwoFactor.Step.CODE, twoFactor.stepAfterPassword(ownerEmail));
        assertEquals(TwoFactor.Step.NONE, twoFactor.stepAfterPassword(Demo.NORTHWIND_EDITOR), "other agencies");
    }

    @Test
    void everyBrowserIsListedAndSigningTheOthersOutEndsThemAtTheirNextClick() throws Exception {
        String email = unique("roamer");
        invitations.inviteMember(actor(Demo.NORTHWIND_OWNER), email, Role.ANALYST, Set.of());
        accept(email, "roaming passphrase 1");
        WebClient laptop = new WebClient(base);
        WebClient phone = new WebClient(base);
        assertEquals(200, laptop.signIn(email, "roaming passphrase 1").statusCode());
        assertEquals(200, phone.signIn(email, "roaming passphrase 1").statusCode());
        WebClient colleague = new WebClient(base);
        assertEquals(200, colleague.signIn(Demo.NORTHWIND_EDITOR, Demo.PASSWORD).statusCode());

        HttpResponse<String> settings = laptop.get("account.xhtml");
        String listed = settings.body();
        assertEquals(2, count(listed, "data-ri=\""), "two browsers: " + listed);
        assertEquals(1, count(listed, "(this one)"));
        HttpResponse<String> after = submit(laptop, settings, "sessions", Map.of(), "signOutOthers");
        assertTrue(after.body().contains("Signed out of 1 other browser."), after.body());
        assertEquals(1, count(after.body(), "data-ri=\""), "only this one is left");
        assertFalse(signedIn(phone), "the phone is signed out at its next click");
        assertTrue(signedIn(laptop));
        assertTrue(signedIn(colleague), "nobody else's browser");
    }

    /**
     * Single sign-on against a provider on loopback that signs real tokens: the owner sets it up on its screen (an
     * unreachable issuer is refused there), a new person at an allowed domain joins, a known e-mail under an unknown
     * subject is not merged, the owner links their account, a staff password is refused while the owner keeps theirs,
     * and a token signed with another key, a stray callback and unknown names open nothing.
     */
    @Test
    void anAgencysProviderSignsItsStaffInByIssuerAndSubjectNeverByEmailAlone() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String ownerEmail = unique("federated");
        String ownerPassword = "federated owner passphrase";
        long agencyId = agencies.create(actor(Demo.ADMIN), "Federated " + tag, ownerEmail).getId();
        accept(ownerEmail, ownerPassword);
        String name = "fed-" + tag;
        try (OidcProvider idp = OidcProvider.start("herald-" + tag, "secret " + tag)) {
            WebClient owner = new WebClient(base);
            owner.signIn(ownerEmail, ownerPassword);
            HttpResponse<String> screen = owner.get("agency/single-sign-on.xhtml");
            assertEquals(200, screen.statusCode());
            Map<String, String> form = new LinkedHashMap<>();
            form.put("signInName", name);
            form.put("issuer", "http://127.0.0.1:9/realms/none");
            form.put("clientId", idp.clientId());
            form.put("clientSecret", idp.clientSecret());
            form.put("staffMustUse_input", "on");
            form.put("joinRole_input", "EDITOR");
            form.put("joinDomains", "joiners-" + tag + ".test");
            HttpResponse<String> unreachable = submit(owner, screen, "singleSignOn", form, "save");
            assertTrue(unreachable.body().contains("could not reach the identity provider"), unreachable.body());
            assertTrue(singleSignOn.setupOf(actor(ownerEmail)).isEmpty(), "nothing is stored");
            form.put("issuer", idp.issuer());
            HttpResponse<String> saved = submit(owner, unreachable, "singleSignOn", form, "save");
            assertTrue(saved.body().contains("is set up. Staff sign in at the address below"), saved.body());
            assertTrue(saved.body().contains("/sso/start?agency=" + name), "the address staff start from");
            WebClient editor = new WebClient(base);
            editor.signIn(Demo.NORTHWIND_EDITOR, Demo.PASSWORD);
            assertEquals(403, editor.get("agency/single-sign-on.xhtml").statusCode(), "owners only");
            assertThrows(AccessDenied.class, () -> singleSignOn.turnOff(actor(Demo.NORTHWIND_EDITOR)));
            assertTrue(singleSignOn.setupOf(actor(Demo.NORTHWIND_OWNER)).isEmpty(), "each agency sees its own");

            String joiner = "nia-" + tag + "@joiners-" + tag + ".test";
            idp.signsIn("subject-joiner-" + tag, joiner, true, "Nia New");
            WebClient nia = new WebClient(base);
            HttpResponse<String> landed = nia.open("sso/start?agency=" + name);
            assertTrue(signedIn(nia), landed.uri() + " " + landed.body());
            Actor joined = actor(joiner);
            assertEquals(Optional.of(Role.EDITOR), joined.role(), "joined with the agency's default role");
            assertEquals(Optional.of(agencyId), joined.agencyId());
            assertEquals("S256", idp.lastAuthorization().get("code_challenge_method"));

            idp.signsIn("subject-impostor-" + tag, ownerEmail, true, "Not the owner");
            WebClient impostor = new WebClient(base);
            HttpResponse<String> notMerged = impostor.open("sso/start?agency=" + name);
            assertFalse(signedIn(impostor), "a known e-mail under an unknown subject opens nothing");
            assertTrue(notMerged.body().contains("that is not linked to your agency"), notMerged.body());

            idp.signsIn("subject-owner-" + tag, "someone-else@provider.test", true, "Owner at the provider");
            HttpResponse<String> linked = owner.open("sso/link");
            assertTrue(linked.body().contains("Your account is linked"), linked.body());
            WebClient ownerByProvider = new WebClient(base);
            ownerByProvider.open("sso/start?agency=" + name);
            assertEquals(200, ownerByProvider.get("agency/single-sign-on.xhtml").statusCode(),
                    "the provider's subject opened the owner's account, not one named by its e-mail");

            String analyst = unique("analyst");
            invitations.inviteMember(actor(ownerEmail), analyst, Role.ANALYST, Set.of());
            accept(analyst, "analyst passphrase 1");
            WebClient byPassword = new WebClient(base);
            HttpResponse<String> refusedPassword = byPassword.signIn(analyst, "analyst passphrase 1");
            assertFalse(signedIn(byPassword));
            assertTrue(refusedPassword.body().contains("signs its staff in through its identity provider"),
                    refusedPassword.body());
            WebClient ownerByPassword = new WebClient(base);
            ownerByPassword.signIn(ownerEmail, ownerPassword);
            assertTrue(signedIn(ownerByPassword), "owners keep their password");

            idp.spoilNextToken(OidcProvider.Spoiled.FOREIGN_KEY);
            WebClient forged = new WebClient(base);
            HttpResponse<String> badSignature = forged.open("sso/start?agency=" + name);
            assertFalse(signedIn(forged));
            assertTrue(badSignature.body().contains("Invalid signature"), badSignature.body());
            WebClient stray = new WebClient(base);
            assertTrue(stray.open("sso/callback?code=abc&state=def").body().contains("not started in this browser"));
            assertFalse(signedIn(stray));
            HttpResponse<String> script = stray.open("sso/start?agency=%3Cscript%3Ealert(1)%3C/script%3E");
            assertTrue(script.body().contains("No agency signs in with that name"), script.body());
            assertFalse(script.body().contains("<script>alert"), "nothing typed is echoed");

            RuleViolation otherAgency = assertThrows(RuleViolation.class, () -> singleSignOn.signIn(agencyId,
                    new ProvenIdentity(idp.issuer(), "subject-x-" + tag, null, false, null),
                    Optional.of(actor(Demo.NORTHWIND_EDITOR).userId()), Instant.now()));
            assertTrue(otherAgency.getMessage().contains("no longer on the staff"), otherAgency.getMessage());

            singleSignOn.turnOff(actor(ownerEmail));
            WebClient afterwards = new WebClient(base);
            assertTrue(afterwards.open("sso/start?agency=" + name).body().contains("No agency signs in with that name"));
            assertFalse(signedIn(afterwards));
        }
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
