package app.herald.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.identity.domain.OneTimeCodes;
import app.herald.testsupport.Browser;
import app.herald.testsupport.Demo;
import app.herald.testsupport.HeraldDeployment;
import app.herald.testsupport.MailForTests;
import app.herald.testsupport.OidcProvider;
import app.herald.apiclient.ApiClient;
import app.herald.apiclient.ApiException;
import app.herald.apiclient.api.AnalyticsApi;
import app.herald.apiclient.api.ClientsApi;
import app.herald.apiclient.api.PostsApi;
import app.herald.apiclient.api.PublishingApi;
import app.herald.apiclient.model.ChannelView;
import app.herald.apiclient.model.ClientView;
import app.herald.apiclient.model.PostInput;
import app.herald.apiclient.model.PostView;
import app.herald.apiclient.model.PublicationView;
import app.herald.apiclient.model.ScheduleInput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The owner's day one, in a real browser: create a client, invite its approver, who follows the e-mailed link, sets a
 * password, signs in and sees that client and nothing else; later forgets the password and chooses a new one. A
 * member's two-factor sign-in, set up and used on a phone. And the agency's first integration: a token made on the
 * API tokens screen, used by a client generated from the committed OpenAPI document, then revoked.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class InvitationJourneyIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HeraldDeployment.war();
    }

    @ArquillianResource
    URL base;

    private void signIn(Browser browser, String email, String password) {
        browser.open(base + "login.xhtml");
        browser.type("login:email", email);
        browser.type("login:password", password);
        browser.click("login:signIn");
    }

    @Test
    void anOwnerCreatesAClientAndInvitesItsApproverWhoSeesOnlyThatClient(TestInfo test) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String clientName = "Umbrella <i>" + tag + "</i>";
        String approver = "approver-" + tag + "@umbrella.test";
        try (Browser browser = new Browser()) {
            try {
                signIn(browser, Demo.NORTHWIND_OWNER, Demo.PASSWORD);
                browser.awaitUrlContains("/agency/clients.xhtml");
                browser.type("create:name", clientName);
                browser.click("create:createClient");
                browser.awaitText("created.");
                assertTrue(browser.text().contains(clientName), "the name is shown as text, not run as markup");
                assertTrue(browser.driver().findElements(By.xpath("//i[contains(text(),'" + tag + "')]")).isEmpty());

                browser.open(base + "agency/people.xhtml");
                browser.type("inviteClient:email", approver);
                browser.choose("inviteClient:client", tag);
                browser.click("inviteClient:send");
                browser.awaitText("Invitation sent to " + approver);

                String mail = MailForTests.awaitMail(approver, "You are invited");
                assertTrue(mail.contains(clientName), mail);
                browser.click("signOutForm:signOut");
                browser.awaitUrlContains("login.xhtml");

                browser.open(MailForTests.link(mail));
                browser.awaitText("Welcome to Herald");
                assertTrue(browser.text().contains(clientName));
                browser.type("accept:name", "Una Umbrella");
                browser.type("accept:password", "umbrella passphrase");
                browser.type("accept:repeated", "umbrella passphrase");
                browser.click("accept:join");
                browser.awaitUrlContains("login.xhtml");

                signIn(browser, approver, "umbrella passphrase");
                browser.awaitUrlContains("/client/home.xhtml?client=");
                browser.awaitText("Times are shown in Europe/Berlin");
                String home = browser.text();
                assertTrue(home.contains(clientName), home);
                assertTrue(home.contains("Una Umbrella"), home);
                assertFalse(home.contains(Demo.ACME) || home.contains(Demo.GLOBEX) || home.contains(Demo.INITECH), home);

                browser.open(base + "agency/clients.xhtml");
                browser.awaitText("Not allowed");
                browser.open(MailForTests.link(mail));
                browser.awaitText("already been used");
                browser.open(base + "index.xhtml");
                browser.click("signOutForm:signOut");
                browser.awaitUrlContains("login.xhtml");

                forgetAndResetThePassword(browser, approver);
                signIn(browser, approver, "umbrella passphrase");
                browser.awaitText("not correct");
                signIn(browser, approver, "a new umbrella passphrase");
                browser.awaitUrlContains("/client/home.xhtml?client=");
            } catch (AssertionError | RuntimeException e) {
                browser.keepEvidence(test.getDisplayName());
                throw e;
            }
        }
    }

    /**
     * On a phone: a new member turns on two-factor sign-in from their settings (the code computed here from the key
     * the page shows, as an app would), keeps the recovery codes, and signs in again with the app's code and then
     * with a recovery code.
     */
    @Test
    void aMemberTurnsOnTwoFactorSignInOnAPhoneAndSignsInWithTheAppsCode(TestInfo test) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String member = "careful-" + tag + "@northwind.test";
        String password = "careful passphrase " + tag;
        try (Browser browser = new Browser(390, 844)) {
            try {
                signIn(browser, Demo.NORTHWIND_OWNER, Demo.PASSWORD);
                browser.awaitUrlContains("/agency/clients.xhtml");
                browser.open(base + "agency/people.xhtml");
                browser.type("inviteMember:email", member);
                browser.click("inviteMember:send");
                browser.awaitText("Invitation sent to " + member);
                browser.click("signOutForm:signOut");
                browser.awaitUrlContains("login.xhtml");
                browser.open(MailForTests.link(MailForTests.awaitMail(member, "You are invited")));
                browser.type("accept:name", "Cara Careful");
                browser.type("accept:password", password);
                browser.type("accept:repeated", password);
                browser.click("accept:join");
                browser.awaitUrlContains("login.xhtml");

                signIn(browser, member, password);
                browser.awaitUrlContains("/agency/");
                browser.open(base + "account.xhtml");
                browser.type("twoFactorStart:password", password);
                browser.click("twoFactorStart:begin");
                String secret = browser.visible("twoFactorSecret").getText().strip();
                assertTrue(browser.driver().findElements(By.cssSelector(".herald-qr svg path")).size() == 1,
                        "the QR code is drawn in the page");
                assertEquals(List.of(), browser.accessibilityViolations(), "enrolment is readable by everyone");
                assertEquals(0, browser.overflowX(), "enrolment fits the phone");
                browser.type("twoFactorEnrol:firstCode", codeAt(secret, 0));
                browser.click("twoFactorEnrol:confirm");
                browser.awaitText("Your recovery codes");
                List<String> recovery = browser.driver().findElements(By.cssSelector("#recoveryCodes code")).stream()
                        .map(code -> code.getText().strip()).toList();
                assertEquals(10, recovery.size(), recovery.toString());
                browser.click("signOutForm:signOut");
                browser.awaitUrlContains("login.xhtml");

                signIn(browser, member, password);
                browser.awaitUrlContains("sign-in-code.xhtml");
                assertEquals(0, browser.overflowX(), "the code page fits the phone");
                browser.type("code:value", codeAt(secret, 1));
                browser.click("code:confirm");
                browser.awaitUrlContains("/agency/");
                browser.click("signOutForm:signOut");
                browser.awaitUrlContains("login.xhtml");

                signIn(browser, member, password);
                browser.awaitUrlContains("sign-in-code.xhtml");
                browser.type("code:value", recovery.get(0));
                browser.click("code:confirm");
                browser.awaitUrlContains("/agency/");
                browser.open(base + "account.xhtml");
                browser.awaitText("9 of 10 recovery codes left");
            } catch (AssertionError | RuntimeException e) {
                browser.keepEvidence(test.getDisplayName());
                throw e;
            }
        }
    }

    /**
     * On a phone: Northwind's owner registers the agency's identity provider (a real one on loopback), links their own
     * account to it from their settings, and then signs in through it from the sign-in page, with no password. The
     * screens pass axe and fit the phone. Single sign-on is turned off again at the end.
     */
    @Test
    void anOwnerSetsUpSingleSignOnLinksTheirAccountAndSignsInThroughTheProvider(TestInfo test) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        try (OidcProvider idp = OidcProvider.start("herald-" + tag, "journey secret " + tag);
             Browser browser = new Browser(390, 844)) {
            try {
                signIn(browser, Demo.NORTHWIND_OWNER, Demo.PASSWORD);
                browser.awaitUrlContains("/agency/clients.xhtml");
                browser.open(base + "agency/people.xhtml");
                browser.click("singleSignOnLink");
                browser.awaitUrlContains("single-sign-on.xhtml");
                assertEquals(List.of(), browser.accessibilityViolations(), "the set-up screen is readable by everyone");
                assertEquals(0, browser.overflowX(), "the set-up screen fits the phone");
                browser.type("singleSignOn:signInName", "northwind-" + tag);
                browser.type("singleSignOn:issuer", idp.issuer());
                browser.type("singleSignOn:clientId", idp.clientId());
                browser.type("singleSignOn:clientSecret", idp.clientSecret());
                browser.click("singleSignOn:save");
                browser.awaitText("/sso/start?agency=northwind-" + tag);

                idp.signsIn("owner-subject-" + tag, "nora@login.northwind.test", true, "Nora at the provider");
                browser.open(base + "account.xhtml");
                browser.click("linkSingleSignOn");
                browser.awaitText("Your account is linked");
                browser.click("signOutForm:signOut");
                browser.awaitUrlContains("login.xhtml");

                assertEquals(List.of(), browser.accessibilityViolations(), "the sign-in page is readable by everyone");
                assertEquals(0, browser.overflowX(), "the sign-in page fits the phone");
                browser.type("agencyName", "northwind-" + tag);
                browser.click("singleSignOnStart");
                browser.awaitUrlContains("/agency/");
                browser.open(base + "account.xhtml");
                browser.awaitText("Linked to your agency");
            } catch (AssertionError | RuntimeException e) {
                browser.keepEvidence(test.getDisplayName());
                throw e;
            } finally {
                browser.open(base + "agency/single-sign-on.xhtml");
                if (!browser.driver().findElements(By.id("turnOff:off")).isEmpty()) {
                    browser.click("turnOff:off");
                    browser.awaitText("Single sign");
                }
            }
        }
    }

    /**
     * The owner makes a token on the API tokens screen and browses the reference; a script, through the client
     * generated from src/test/openapi/herald-api.json, reads clients, writes, changes, schedules and submits a post and
     * reads analytics; the server still serves that very document; the owner revokes the token and it opens nothing.
     */
    @Test
    void anOwnerMakesAnApiTokenThatAGeneratedClientUsesUntilItIsRevoked(TestInfo test) throws Exception {
        String name = "CMS sync " + UUID.randomUUID().toString().substring(0, 6);
        try (Browser browser = new Browser()) {
            try {
                String token = makeToken(browser, Demo.NORTHWIND_OWNER, name);
                assertEquals(List.of(), browser.accessibilityViolations(), "the tokens screen is readable by everyone");

                browser.open(base + "agency/api-reference.html");
                browser.awaitText("/api/v1/clients/{client}/posts/{post}/decisions");

                useTheApiThroughTheGeneratedClient(token);
                theServerServesTheCommittedDocument();

                browser.open(base + "agency/api-tokens.xhtml");
                browser.driver().findElement(By.xpath("//tr[td[contains(., '" + name + "')]]//button[contains(@id,"
                        + " 'revoke')]")).click();
                browser.awaitText("revoked");
                ApiException revoked = assertThrows(ApiException.class, () -> new ClientsApi(client(token)).clients());
                assertEquals(401, revoked.getCode());
                assertTrue(revoked.getResponseBody().contains("revoked"), revoked.getResponseBody());
            } catch (AssertionError | RuntimeException e) {
                browser.keepEvidence(test.getDisplayName());
                throw e;
            }
        }
    }

    /** An owner signs in and makes a token with every scope on the API tokens screen; returns it as shown once. */
    private String makeToken(Browser browser, String owner, String name) {
        signIn(browser, owner, Demo.PASSWORD);
        browser.awaitUrlContains("/agency/clients.xhtml");
        browser.open(base + "agency/api-tokens.xhtml");
        browser.type("makeToken:name", name);
        browser.driver().findElements(By.cssSelector("label[for^='makeToken:scopes:']")).forEach(WebElement::click);
        browser.click("makeToken:create");
        browser.awaitText("Token made.");
        String token = browser.visible("apiToken").getText().strip();
        assertTrue(token.startsWith("hrld_"), token);
        return token;
    }

    /**
     * A post's whole life through the generated client, on a client whose posts need no review (Southwind's Initech):
     * written, scheduled a few seconds ahead, submitted (and so approved), and published on the Sandbox by Herald's
     * publisher, which the script follows through the post's publications.
     */
    @Test
    void aScriptTakesAPostFromDraftToPublishedOnTheSandbox(TestInfo test) throws Exception {
        try (Browser browser = new Browser()) {
            String token;
            try {
                token = makeToken(browser, Demo.SOUTHWIND_OWNER, "Publisher " + UUID.randomUUID());
            } catch (AssertionError | RuntimeException e) {
                browser.keepEvidence(test.getDisplayName());
                throw e;
            }
            ApiClient client = client(token);
            long initech = new ClientsApi(client).clients().stream().filter(c -> c.getName().equals(Demo.INITECH))
                    .findFirst().orElseThrow().getId();
            long channel = new ClientsApi(client).channels(initech).stream()
                    .filter(c -> "SANDBOX".equals(c.getNetwork())).map(ChannelView::getId).findFirst().orElseThrow();
            PostsApi posts = new PostsApi(client);
            PostView draft = posts.create(initech, null, new PostInput().title("Launch " + UUID.randomUUID())
                    .text("Initech ships today.").addChannelsItem(BigDecimal.valueOf(channel)));
            assertEquals("DRAFT", draft.getState());
            posts.schedule(initech, draft.getId(), new ScheduleInput().at(OffsetDateTime.now(ZoneOffset.UTC)
                    .plusSeconds(15)));
            assertEquals("APPROVED", posts.submit(initech, draft.getId()).getState(), "Initech needs no review");

            PublishingApi publishing = new PublishingApi(client);
            List<PublicationView> publications = List.of();
            Instant deadline = Instant.now().plusSeconds(120);
            while (Instant.now().isBefore(deadline)) {
                publications = publishing.ofPost(initech, BigDecimal.valueOf(draft.getId()));
                if (!publications.isEmpty() && publications.stream().allMatch(p -> "PUBLISHED".equals(p.getState()))) {
                    break;
                }
                Thread.sleep(1000);
            }
            assertEquals(1, publications.size(), publications.toString());
            PublicationView published = publications.get(0);
            assertEquals("PUBLISHED", published.getState(), published.toString());
            assertTrue(published.getNetworkUrl() != null && !published.getNetworkUrl().isBlank(), published.toString());
            assertTrue(!published.getPublishedAt().toInstant().isBefore(draft.getUpdatedAt().toInstant()),
                    "published after it was written");
        }
    }

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        // The document's paths start at /api/v1: the base is the server itself.
        client.updateBaseUri(base.toString().replaceFirst("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private void useTheApiThroughTheGeneratedClient(String token) throws ApiException {
        ApiClient client = client(token);
        List<ClientView> clients = new ClientsApi(client).clients();
        long acme = clients.stream().filter(c -> c.getName().equals(Demo.ACME)).findFirst().orElseThrow().getId();
        assertFalse(clients.stream().anyMatch(c -> c.getName().equals(Demo.INITECH)), "another agency's client");
        long channel = new ClientsApi(client).channels(acme).stream().filter(c -> "SANDBOX".equals(c.getNetwork()))
                .map(ChannelView::getId).findFirst().orElseThrow();

        PostsApi posts = new PostsApi(client);
        String title = "From the CMS " + UUID.randomUUID();
        PostInput input = new PostInput().title(title).text("Written by a script").addChannelsItem(BigDecimal.valueOf(channel));
        PostView created = posts.create(acme, UUID.randomUUID().toString(), input);
        assertEquals("DRAFT", created.getState());
        String etag = posts.getWithHttpInfo(acme, created.getId()).getHeaders().get("etag").get(0);
        PostView changed = posts.update(acme, created.getId(), etag, input.text("Changed by the script"));
        assertEquals("Changed by the script", changed.getText());
        ApiException stale = assertThrows(ApiException.class,
                () -> posts.update(acme, created.getId(), etag, input.text("Lost update")));
        assertEquals(412, stale.getCode());

        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).truncatedTo(ChronoUnit.MINUTES);
        assertEquals(at.toInstant(), posts.schedule(acme, created.getId(), new ScheduleInput().at(at))
                .getScheduledAt().toInstant());
        assertEquals("IN_REVIEW", posts.submit(acme, created.getId()).getState());
        assertEquals(List.of(created.getId()), posts.callList(acme, null, 10, "IN_REVIEW", title).stream()
                .map(PostView::getId).toList());

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertTrue(new AnalyticsApi(client).summary(acme, today.minusDays(29).toString(), today.toString(), null)
                .getCurrent().getPostsPublished() > 0);
    }

    /** The document the client was generated from is the one the server serves, but for the server's address. */
    private void theServerServesTheCommittedDocument() throws Exception {
        HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "openapi"))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + System.getenv("HERALD_OPERATOR_TOKEN")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, served.statusCode());
        ObjectMapper json = new ObjectMapper();
        JsonNode now = json.readTree(served.body());
        ((ObjectNode) now).remove(List.of("servers", "endpoints"));
        Path committed = Path.of("src/test/openapi/herald-api.json");
        if (!now.equals(json.readTree(committed.toFile()))) {
            Path written = Path.of("target/openapi-served.json");
            Files.writeString(written, json.writerWithDefaultPrettyPrinter().writeValueAsString(now));
            throw new AssertionError("The API's OpenAPI document changed. If the change is meant, review " + written
                    + " and copy it over " + committed + " (the test client is generated from it).");
        }
    }

    /** What an authenticator app shows for the key, now or steps later. */
    private static String codeAt(String secret, long stepsFromNow) {
        return OneTimeCodes.codeAt(secret, OneTimeCodes.stepOf(Instant.now()) + stepsFromNow, 6);
    }

    private void forgetAndResetThePassword(Browser browser, String email) {
        browser.open(base + "forgot-password.xhtml");
        browser.type("forgot:email", email);
        browser.click("forgot:send");
        browser.awaitText("a link to choose a new password is on its way");
        String mail = MailForTests.awaitMail(email, "Reset your Herald password");

        browser.open(MailForTests.link(mail));
        browser.type("reset:password", "short");
        browser.type("reset:repeated", "short");
        browser.click("reset:save");
        browser.awaitText("at least 12 characters");
        browser.type("reset:password", "a new umbrella passphrase");
        browser.type("reset:repeated", "a new umbrella passphrase");
        browser.click("reset:save");
        browser.awaitText("Your password was changed");
    }
}
