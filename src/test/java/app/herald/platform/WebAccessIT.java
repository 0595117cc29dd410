package app.herald.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.testsupport.Demo;
import app.herald.testsupport.HeraldDeployment;
import app.herald.testsupport.WebClient;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every address answers to whom, over real HTTP with real sign-ins: the URL fence, forged ids in addresses,
 * session fixation, throttling as a person sees it, and the health endpoints.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebAccessIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return HeraldDeployment.war();
    }

    @ArquillianResource
    URL base;

    private WebClient signedIn(String email) {
        WebClient client = new WebClient(base);
        HttpResponse<String> landing = client.signIn(email, Demo.PASSWORD);
        assertEquals(200, landing.statusCode(), email + " lands on a page: " + landing.uri());
        return client;
    }

    /** The id of a demo client, read from the owner's client list (ids differ between databases and runs). */
    private long clientId(String name) {
        String html = signedIn(Demo.NORTHWIND_OWNER.equals(ownerOf(name)) ? Demo.NORTHWIND_OWNER : Demo.SOUTHWIND_OWNER)
                .get("agency/clients.xhtml").body();
        Matcher m = Pattern.compile("client=(\\d+)\"[^>]*>" + Pattern.quote(name) + "<").matcher(html);
        assertTrue(m.find(), name + " is listed:\n" + html);
        return Long.parseLong(m.group(1));
    }

    private static String ownerOf(String client) {
        return client.equals(Demo.INITECH) ? Demo.SOUTHWIND_OWNER : Demo.NORTHWIND_OWNER;
    }

    @Test
    void everyoneLandsOnTheFirstScreenOfTheirRole() {
        assertTrue(new WebClient(base).signIn(Demo.ADMIN, Demo.PASSWORD).uri().getPath().endsWith("/admin/agencies.xhtml"));
        assertTrue(new WebClient(base).signIn(Demo.NORTHWIND_OWNER, Demo.PASSWORD).uri().getPath()
                .endsWith("/agency/clients.xhtml"));
        HttpResponse<String> approver = new WebClient(base).signIn(Demo.ACME_APPROVER, Demo.PASSWORD);
        assertTrue(approver.uri().toString().endsWith("/client/home.xhtml?client=" + clientId(Demo.ACME)), approver.uri().toString());
        assertTrue(approver.body().contains(Demo.ACME));
        assertTrue(approver.body().contains("Europe/Berlin"), "times are shown in the client's zone");
        assertFalse(approver.body().contains(Demo.GLOBEX), "the approver's menu shows no other client");
    }

    @Test
    void aNewSessionIdIsIssuedAtSignIn() {
        WebClient client = new WebClient(base);
        client.get("login.xhtml");
        String before = client.sessionId().orElseThrow();
        client.signIn(Demo.NORTHWIND_ANALYST, Demo.PASSWORD);
        String after = client.sessionId().orElseThrow();
        assertNotEquals(before, after);
    }

    @Test
    void pagesForbidFramingAndSniffing() {
        HttpResponse<String> login = new WebClient(base).get("login.xhtml");
        assertEquals("DENY", login.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("nosniff", login.headers().firstValue("X-Content-Type-Options").orElse(""));
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
                .findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
    }

    @Test
    void theJobEngineShowsEveryQueueOnMetrics() throws Exception {
        java.net.http.HttpResponse<String> metrics = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(base.toURI().resolve("/metrics")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode());
        for (String queue : java.util.List.of("publish", "analytics", "reports", "mail", "digest")) {
            for (String figure : java.util.List.of("herald_jobs_due", "herald_jobs_late", "herald_jobs_dead",
                    "herald_jobs_running", "herald_jobs_lateness", "herald_jobs_failures")) {
                assertTrue(java.util.regex.Pattern.compile("(?m)^" + figure + "\\w*\\{[^}]*queue=\"" + queue + "\"")
                        .matcher(metrics.body()).find(), figure + " of queue " + queue + " is on /metrics");
            }
        }
    }

    @Test
    void aClientUserCannotOpenAnotherClientOrAnyAgencyScreen() {
        long globex = clientId(Demo.GLOBEX);
        WebClient acme = signedIn(Demo.ACME_APPROVER);
        HttpResponse<String> forged = acme.get("client/home.xhtml?client=" + globex);
        assertEquals(404, forged.statusCode());
        assertFalse(forged.body().contains(Demo.GLOBEX), "not even the name leaks");
        assertEquals(404, acme.get("client/home.xhtml?client=999999").statusCode());
        assertEquals(404, acme.get("client/home.xhtml?client=abc").statusCode(), "a malformed id");
        assertEquals(404, acme.get("client/home.xhtml").statusCode());
        assertEquals(404, acme.get("logo?client=" + globex).statusCode());
        assertEquals(403, acme.get("agency/clients.xhtml").statusCode());
        assertEquals(403, acme.get("agency/people.xhtml").statusCode());
        assertEquals(403, acme.get("agency/client.xhtml?client=" + clientId(Demo.ACME)).statusCode());
        assertEquals(403, acme.get("admin/agencies.xhtml").statusCode());
    }

    @Test
    void staffReachOnlyTheirAgencysClientsAndOnlyTheOnesTheyAreLimitedTo() {
        long acme = clientId(Demo.ACME);
        long globex = clientId(Demo.GLOBEX);
        long initech = clientId(Demo.INITECH);
        WebClient editor = signedIn(Demo.NORTHWIND_EDITOR);
        assertEquals(200, editor.get("client/home.xhtml?client=" + acme).statusCode());
        assertEquals(404, editor.get("client/home.xhtml?client=" + globex).statusCode(), "limited to Acme");
        assertFalse(editor.get("agency/clients.xhtml").body().contains(Demo.GLOBEX));
        assertEquals(404, editor.get("agency/client.xhtml?client=" + acme).statusCode(), "editors do not run clients");
        assertEquals(403, editor.get("agency/people.xhtml").statusCode());

        WebClient northwind = signedIn(Demo.NORTHWIND_OWNER);
        assertEquals(404, northwind.get("client/home.xhtml?client=" + initech).statusCode());
        assertEquals(404, northwind.get("agency/client.xhtml?client=" + initech).statusCode());
        assertFalse(northwind.get("agency/people.xhtml").body().contains("southwind"));
        assertEquals(403, northwind.get("admin/agencies.xhtml").statusCode());

        WebClient southwind = signedIn(Demo.SOUTHWIND_OWNER);
        assertEquals(404, southwind.get("client/home.xhtml?client=" + acme).statusCode());
        assertEquals(200, southwind.get("client/home.xhtml?client=" + initech).statusCode());

        WebClient admin = signedIn(Demo.ADMIN);
        assertEquals(403, admin.get("client/home.xhtml?client=" + acme).statusCode());
        assertEquals(403, admin.get("agency/clients.xhtml").statusCode());
    }

    @Test
    void aForgedClientIdInAFormFieldInvitesNobody() {
        long initech = clientId(Demo.INITECH);
        WebClient northwind = signedIn(Demo.NORTHWIND_OWNER);
        String page = northwind.get("agency/people.xhtml").body();
        String email = "forged-" + System.nanoTime() + "@example.com";
        Map<String, String> form = new LinkedHashMap<>();
        form.put("inviteClient", "inviteClient");
        form.put("inviteClient:email", email);
        form.put("inviteClient:client_input", Long.toString(initech));
        form.put("inviteClient:role_input", "APPROVER");
        form.put("inviteClient:send", "");
        form.put("jakarta.faces.ViewState", WebClient.viewState(page));
        HttpResponse<String> answer = northwind.post("agency/people.xhtml", form);
        assertEquals(200, answer.statusCode());
        assertFalse(answer.body().contains("Invitation sent"), answer.body());
        assertFalse(northwind.get("agency/people.xhtml").body().contains(email), "nobody was invited");
        assertFalse(signedIn(Demo.SOUTHWIND_OWNER).get("agency/people.xhtml").body().contains(email));
    }

    @Test
    void onlyOwnersAndManagersSeeAndExportTheAuditLog() throws Exception {
        long acme = clientId(Demo.ACME);
        WebClient approver = signedIn(Demo.ACME_APPROVER);
        assertEquals(404, approver.get("client/audit.xhtml?client=" + acme).statusCode());
        String home = approver.get("client/home.xhtml?client=" + acme).body();
        assertFalse(home.contains("POST_") || home.contains("DEMO_LOADED"), "client users do not read the audit log");
        assertEquals(404, signedIn(Demo.NORTHWIND_EDITOR).get("client/audit.xhtml?client=" + acme).statusCode());

        assertEquals(404, approver.get("client/review-settings.xhtml?client=" + acme).statusCode());
        WebClient owner = signedIn(Demo.NORTHWIND_OWNER);
        assertEquals(200, owner.get("client/review-settings.xhtml?client=" + acme).statusCode());
        HttpResponse<String> page = owner.get("client/audit.xhtml?client=" + acme);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("POST_SUBMITTED"), "the demo month's history is there");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("filter", "filter");
        form.put("filter:from_input", "2000-01-01");
        form.put("filter:until_input", java.time.LocalDate.now().plusDays(1).toString());
        form.put("filter:actor", "manager@northwind.test");
        form.put("filter:action_input", "");
        form.put("filter:export", "");
        form.put("jakarta.faces.ViewState", WebClient.viewState(page.body()));
        HttpResponse<String> csv = owner.post("client/audit.xhtml?client=" + acme, form);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), csv.headers().toString());
        var records = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(csv.body())).getRecords();
        assertFalse(records.isEmpty(), csv.body());
        records.forEach(r -> assertEquals("manager@northwind.test", r.get("who"), "filtered by person"));
        assertTrue(records.get(0).get("time (local)").matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} [+-]\\d{2}:\\d{2}"),
                records.get(0).get("time (local)"));
    }

    @Test
    void everyScreenOpensForThePeopleItIsFor() {
        long acme = clientId(Demo.ACME);
        WebClient owner = signedIn(Demo.NORTHWIND_OWNER);
        Matcher post = Pattern.compile("post=(\\d+)").matcher(owner.get("client/posts.xhtml?client=" + acme).body());
        assertTrue(post.find(), "the demo month lists posts");
        String[] ownerPages = {"account.xhtml", "agency/clients.xhtml", "agency/people.xhtml", "agency/calendar.xhtml", "agency/client.xhtml?client=" + acme,
            "client/home.xhtml?client=" + acme, "client/calendar.xhtml?client=" + acme,
            "client/posts.xhtml?client=" + acme, "client/post.xhtml?client=" + acme + "&post=" + post.group(1),
            "client/compose.xhtml?client=" + acme, "client/compose.xhtml?client=" + acme + "&post=" + post.group(1),
            "client/import.xhtml?client=" + acme, "client/channels.xhtml?client=" + acme,
            "client/media.xhtml?client=" + acme, "client/audit.xhtml?client=" + acme,
            "client/review-settings.xhtml?client=" + acme, "client/campaigns.xhtml?client=" + acme,
            "client/snippets.xhtml?client=" + acme, "client/analytics.xhtml?client=" + acme,
            "client/analytics.xhtml?client=" + acme + "&days=365", "client/reports.xhtml?client=" + acme,
            "client/tracking.xhtml?client=" + acme, "agency/portfolio.xhtml", "agency/branding.xhtml"};
        for (String page : ownerPages) {
            HttpResponse<String> response = owner.get(page);
            assertEquals(200, response.statusCode(), page);
            assertFalse(response.body().contains("Something went wrong"), page);
        }
        WebClient approver = signedIn(Demo.ACME_APPROVER);
        for (String page : new String[] {"account.xhtml", "client/home.xhtml?client=" + acme,
            "client/calendar.xhtml?client=" + acme,
            "client/posts.xhtml?client=" + acme, "client/media.xhtml?client=" + acme,
            "client/post.xhtml?client=" + acme + "&post=" + post.group(1), "client/analytics.xhtml?client=" + acme,
            "client/reports.xhtml?client=" + acme, "client/tracking.xhtml?client=" + acme}) {
            HttpResponse<String> response = approver.get(page);
            assertEquals(200, response.statusCode(), page);
            assertFalse(response.body().contains("Something went wrong"), page);
        }
        assertEquals(404, approver.get("client/import.xhtml?client=" + acme).statusCode(), "clients do not import");
        assertEquals(404, approver.get("client/compose.xhtml?client=" + acme).statusCode(), "clients do not compose");
        assertEquals(404, approver.get("client/snippets.xhtml?client=" + acme).statusCode());
        assertEquals(403, approver.get("agency/calendar.xhtml").statusCode());
        assertEquals(403, approver.get("agency/portfolio.xhtml").statusCode());
        assertEquals(403, signedIn(Demo.NORTHWIND_EDITOR).get("agency/branding.xhtml").statusCode(),
                "only owners and managers brand the agency's reports");
        assertEquals(200, signedIn(Demo.ADMIN).get("admin/agencies.xhtml").statusCode());
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        WebClient anonymous = new WebClient(base);
        for (String page : new String[] {"", "agency/clients.xhtml", "client/home.xhtml?client=1", "admin/agencies.xhtml"}) {
            HttpResponse<String> response = anonymous.get(page);
            assertEquals(302, response.statusCode(), page);
            assertTrue(response.headers().firstValue("Location").orElseThrow().contains("login.xhtml"), page);
        }
    }

    @Test
    void afterSigningInThePersonLandsOnThePageFirstAskedForAndKeepsTheirRolesOnEveryRequest() {
        WebClient owner = new WebClient(base);
        String asked = "client/audit.xhtml?client=" + clientId(Demo.ACME);
        assertEquals(302, owner.get(asked).statusCode());
        HttpResponse<String> landed = owner.signIn(Demo.NORTHWIND_OWNER, Demo.PASSWORD);
        assertEquals(200, landed.statusCode());
        assertTrue(landed.uri().toString().endsWith("/" + asked), landed.uri().toString());
        for (int i = 0; i < 20; i++) {
            // Groups come from the database on each request, never from what the session remembered.
            assertEquals(200, owner.get(asked).statusCode(), "request " + i);
        }
        HttpResponse<String> elsewhere = new WebClient(base).signIn(Demo.NORTHWIND_OWNER, Demo.PASSWORD);
        assertTrue(elsewhere.uri().toString().endsWith("/agency/clients.xhtml"),
                "another session lands on the person's home: " + elsewhere.uri());
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountWithAClearMessage() {
        WebClient guesser = new WebClient(base);
        for (int i = 0; i < 5; i++) {
            String page = guesser.signIn(Demo.GLOBEX_APPROVER, "guess-" + i).body();
            assertTrue(page.contains("The e-mail address or the password is not correct."), page);
        }
        String locked = guesser.signIn(Demo.GLOBEX_APPROVER, Demo.PASSWORD).body();
        assertTrue(locked.contains("Too many failed sign-ins for this account"), locked);
        assertEquals(200, new WebClient(base).signIn(Demo.ACME_APPROVER, Demo.PASSWORD).statusCode(),
                "other accounts still sign in");
    }

    @Test
    void healthEndpointsReportReadinessAndLiveness() throws Exception {
        URI root = base.toURI().resolve("/");
        WebClient client = new WebClient(root.toURL());
        HttpResponse<String> ready = client.get("health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"tenantSchemas\""), ready.body());
        assertEquals(200, client.get("health/live").statusCode());
    }
}
