package app.herald.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.testsupport.Demo;
import app.herald.testsupport.HeraldDeployment;
import app.herald.testsupport.WebClient;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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

    /** Set for the test run in pom.xml; the server under test reads the same environment. */
    private static final String OPERATOR_TOKEN = System.getenv("HERALD_OPERATOR_TOKEN");

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
    void theJobEngineShowsEveryQueueOnMetrics() {
        HttpResponse<String> metrics = operator("/metrics", OPERATOR_TOKEN);
        assertEquals(200, metrics.statusCode());
        for (String queue : java.util.List.of("publish", "analytics", "reports", "mail", "digest")) {
            for (String figure : java.util.List.of("herald_jobs_due", "herald_jobs_late", "herald_jobs_dead",
                    "herald_jobs_running", "herald_jobs_lateness", "herald_jobs_failures")) {
                assertTrue(Pattern.compile("(?m)^" + figure + "\\w*\\{[^}]*queue=\"" + queue + "\"")
                        .matcher(metrics.body()).find(), figure + " of queue " + queue + " is on /metrics");
            }
        }
    }

    @Test
    void operatorEndpointsNeedAnAdminOrTheOperatorTokenAndProbesLearnOnlyUpOrDown() {
        for (String path : new String[] {"/metrics", "/metrics/application", "/health", "/health/started", "/openapi"}) {
            HttpResponse<String> anonymous = operator(path, null);
            assertEquals(401, anonymous.statusCode(), path);
            assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), path);
            assertFalse(anonymous.body().contains("connection_pool") || anonymous.body().contains("tenantSchemas"), path);
            assertEquals(401, operator(path, "wrong-" + OPERATOR_TOKEN).statusCode(), path + " with a wrong token");
        }
        for (String path : new String[] {"/health/ready", "/health/live"}) {
            HttpResponse<String> probe = operator(path, null);
            assertEquals(200, probe.statusCode(), path);
            assertEquals("{\"status\":\"UP\"}", probe.body(), path + " says UP and nothing else");
        }
        HttpResponse<String> details = operator("/health/ready", OPERATOR_TOKEN);
        assertTrue(details.body().contains("\"tenantSchemas\""), details.body());
        assertEquals(200, operator("/health", OPERATOR_TOKEN).statusCode());

        WebClient admin = signedIn(Demo.ADMIN);
        assertTrue(admin.get("metrics").body().contains("herald_jobs_due"), "a platform admin's session reads /metrics");
        assertTrue(admin.get("health/ready").body().contains("tenantSchemas"));
        assertEquals(403, signedIn(Demo.NORTHWIND_OWNER).get("metrics").statusCode(), "an agency owner is no operator");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndNamesNoProduct() {
        long acme = clientId(Demo.ACME);
        WebClient editor = signedIn(Demo.NORTHWIND_EDITOR);
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        answers.put("a page", new WebClient(base).get("login.xhtml"));
        answers.put("a redirect to sign in", new WebClient(base).get("agency/clients.xhtml"));
        answers.put("an unknown page", editor.get("client/nothing-here.xhtml"));
        answers.put("an unknown path", editor.get("no/such/thing"));
        answers.put("a forbidden page", editor.get("agency/people.xhtml"));
        answers.put("a foreign id", editor.get("client/home.xhtml?client=" + clientId(Demo.GLOBEX)));
        answers.put("a forged view state", editor.post("client/compose.xhtml?client=" + acme,
                Map.of("jakarta.faces.ViewState", "-4711:0815", "anything", "x")));
        answers.put("an operator endpoint", operator("/metrics", null));
        answers.forEach((what, answer) -> {
            var headers = answer.headers();
            assertEquals("DENY", headers.firstValue("X-Frame-Options").orElse(""), what);
            assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElse(""), what);
            assertTrue(headers.allValues("Content-Security-Policy").stream().anyMatch(p -> p.contains("frame-ancestors 'none'")
                    && p.contains("object-src 'none'")), what + ": " + headers.allValues("Content-Security-Policy"));
            assertTrue(headers.firstValue("Server").orElse("").isBlank(), what + ": " + headers.firstValue("Server"));
            assertTrue(headers.firstValue("X-Powered-By").isEmpty(), what);
            for (String telltale : new String[] {"Payara", "GlassFish", "Exception", "Mojarra", "at app.herald"}) {
                assertFalse(answer.body().contains(telltale), what + " names " + telltale + ":\n" + answer.body());
            }
        });
        assertEquals(400, answers.get("a forged view state").statusCode());
        assertTrue(answers.get("a forged view state").body().contains("Page expired"));
        assertEquals(404, answers.get("an unknown path").statusCode());

        HttpResponse<String> page = answers.get("a page");
        String policy = page.headers().allValues("Content-Security-Policy").stream().filter(p -> p.contains("script-src"))
                .findFirst().orElseThrow(() -> new AssertionError("no script policy: " + page.headers().map()));
        Matcher nonce = Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'").matcher(policy);
        assertTrue(nonce.find(), policy);
        assertFalse(policy.contains("unsafe-inline' 'unsafe-eval") || policy.matches(".*script-src[^;]*unsafe.*"), policy);
        Matcher scripts = Pattern.compile("<script(?![^>]*\\bsrc=)([^>]*)>").matcher(page.body());
        int inline = 0;
        while (scripts.find()) {
            inline++;
            assertTrue(scripts.group(1).contains("nonce=\"" + nonce.group(1) + "\""), "an inline script without the nonce: "
                    + scripts.group());
        }
        assertTrue(inline > 0, "PrimeFaces initialises its widgets inline");
        assertFalse(page.body().matches("(?s).*\\son(click|change|load|submit)=.*"), "no inline event handlers");
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.toLowerCase().contains("samesite=lax"), cookie);
        assertFalse(cookie.contains("Secure"), "plain http here; SessionCookies marks it Secure behind https");
    }

    @Test
    void aPersonsMistakeIsAnsweredWithAMessageOrA404NeverA500() {
        long acme = clientId(Demo.ACME);
        WebClient owner = signedIn(Demo.NORTHWIND_OWNER);
        // Channel ids are per client schema: another client's id names, at most, one of this client's own channels.
        assertEquals(404, owner.get("client/connect.xhtml?client=" + acme + "&channel=999999999").statusCode());
        assertEquals(404, owner.get("client/sandbox.xhtml?client=" + acme + "&channel=999999999").statusCode());

        String compose = "client/compose.xhtml?client=" + acme;
        String ajaxBody = "jakarta.faces.partial.ajax=true&jakarta.faces.source=x&jakarta.faces.ViewState=-1%3A2";
        HttpResponse<String> ajax = owner.postRaw(compose, ajaxBody, "Faces-Request", "partial/ajax");
        assertEquals(200, ajax.statusCode());
        assertTrue(ajax.body().contains("<redirect url=\"/error/expired.html\""), ajax.body());
        assertFalse(ajax.body().contains("Exception"), ajax.body());

        String name = "Forged " + System.nanoTime();
        for (String[] mistake : new String[][] {
            {"abc", "2027-03-01", "Write the budget as a number"},
            {"-5", "2027-03-01", "A budget cannot be negative."},
            {"1e23", "2027-03-01", "A budget is at most 1,000,000,000."},
            {"100", "2027-02-30", "\"2027-02-30\" is not a real date"},
            {"100", "1999-03-01", "Herald takes dates from 2000 to 2100."}}) {
            HttpResponse<String> answer = createCampaign(owner, acme, name, mistake[0], mistake[1]);
            assertEquals(200, answer.statusCode(), String.join(" ", mistake));
            assertTrue(said(answer).contains(mistake[2]), mistake[2] + " is said:\n" + answer.body());
            assertFalse(answer.body().contains("Exception"), answer.body());
        }
        HttpResponse<String> bidi = createCampaign(owner, acme, name + "\u202Egnp.exe", "100", "2027-03-01");
        assertTrue(said(bidi).contains("invisible or direction-changing characters"), bidi.body());
        HttpResponse<String> tooLong = createCampaign(owner, acme, "x".repeat(121), "100", "2027-03-01");
        assertTrue(said(tooLong).contains("A campaign's name has at most 120 characters; this one has 121."),
                tooLong.body());
        assertFalse(owner.get("client/campaigns.xhtml?client=" + acme).body().contains(name), "nothing was created");
        assertTrue(createCampaign(owner, acme, name, "1500.50", "2027-03-01").body().contains(name), "the form works");
    }

    /** The page as the person reads it: the growl's messages come JavaScript-escaped inside a script. */
    private static String said(HttpResponse<String> page) {
        Matcher escape = Pattern.compile("\\\\x([0-9a-fA-F]{2})|\\\\(.)").matcher(page.body());
        StringBuilder plain = new StringBuilder();
        while (escape.find()) {
            escape.appendReplacement(plain, Matcher.quoteReplacement(escape.group(1) != null
                    ? String.valueOf((char) Integer.parseInt(escape.group(1), 16)) : escape.group(2)));
        }
        return escape.appendTail(plain).toString();
    }

    private HttpResponse<String> createCampaign(WebClient owner, long client, String name, String budget, String starts) {
        String page = owner.get("client/campaigns.xhtml?client=" + client).body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("create", "create");
        form.put("create:name", name);
        form.put("create:starts_input", starts);
        form.put("create:ends_input", "2027-03-31");
        form.put("create:goal", "");
        form.put("create:budget", budget);
        form.put("create:currency", "EUR");
        form.put("create:utm", "");
        form.put("create:createCampaign", "");
        form.put("jakarta.faces.ViewState", WebClient.viewState(page));
        return owner.post("client/campaigns.xhtml?client=" + client, form);
    }

    @Test
    void clientApproversSeeNoDraftAndAnalystsNoButtonTheServerWouldRefuse() {
        long acme = clientId(Demo.ACME);
        String all = signedIn(Demo.NORTHWIND_OWNER).get("client/posts.xhtml?client=" + acme).body();
        Matcher draft = Pattern.compile("post=(\\d+)\"[^>]*>[^<]*</a>\\s*</td>\\s*<td[^>]*>\\s*<span class=\"herald-post-state DRAFT\"")
                .matcher(all);
        assertTrue(draft.find(), "the demo month has a draft:\n" + all);
        WebClient approver = signedIn(Demo.ACME_APPROVER);
        assertFalse(approver.get("client/posts.xhtml?client=" + acme).body().contains("post=" + draft.group(1) + "\""),
                "the client's list has no draft");
        assertEquals(404, approver.get("client/post.xhtml?client=" + acme + "&post=" + draft.group(1)).statusCode());
        assertFalse(approver.get("client/posts.xhtml?client=" + acme).body().contains("herald-post-state IN_REVIEW\""),
                "nor a post the agency has not sent to the client yet");

        String analystHome = signedIn(Demo.NORTHWIND_ANALYST).get("client/home.xhtml?client=" + acme).body();
        String editorHome = signedIn(Demo.NORTHWIND_EDITOR).get("client/home.xhtml?client=" + acme).body();
        for (String tab : new String[] {"composeTab", "importTab", "channelsTab", "snippetsTab"}) {
            assertTrue(editorHome.contains("id=\"" + tab + "\""), tab + " is the editor's");
            assertFalse(analystHome.contains("id=\"" + tab + "\""), tab + " is not the analyst's");
        }
        assertFalse(signedIn(Demo.NORTHWIND_ANALYST).get("client/media.xhtml?client=" + acme).body().contains("id=\"upload\""),
                "analysts do not upload");
    }

    /** A request as monitoring makes it: no session, perhaps the operator's bearer token. */
    private HttpResponse<String> operator(String path, String token) {
        try {
            java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(base.toURI().resolve(path));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
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
    void anOwnerAddsAWebhookSeesItsSecretOnceAndAForgedClientAddsNothing() throws Exception {
        long initech = clientId(Demo.INITECH);
        List<String> signatures = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            signatures.add(String.valueOf(exchange.getRequestHeaders().getFirst("webhook-signature")));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        try {
            WebClient owner = signedIn(Demo.NORTHWIND_OWNER);
            Map<String, String> form = new LinkedHashMap<>();
            form.put("addEndpoint", "addEndpoint");
            form.put("addEndpoint:url", url);
            form.put("addEndpoint:events", "post.approved");
            form.put("addEndpoint:client_input", Long.toString(initech));
            form.put("addEndpoint:add", "");
            form.put("jakarta.faces.ViewState", WebClient.viewState(owner.get("agency/webhooks.xhtml").body()));
            HttpResponse<String> forged = owner.post("agency/webhooks.xhtml", form);
            assertEquals(200, forged.statusCode());
            assertFalse(forged.body().contains("whsec_"), "another agency's client: nothing added");
            assertFalse(owner.get("agency/webhooks.xhtml").body().contains(url));

            form.remove("addEndpoint:client_input");
            form.put("jakarta.faces.ViewState", WebClient.viewState(owner.get("agency/webhooks.xhtml").body()));
            HttpResponse<String> added = owner.post("agency/webhooks.xhtml", form);
            assertTrue(added.body().contains("id=\"webhookSecret\"") && added.body().contains("whsec_"),
                    "the secret, once: " + added.body());
            HttpResponse<String> again = owner.get("agency/webhooks.xhtml");
            assertTrue(again.body().contains(url));
            assertFalse(again.body().contains("whsec_"), "and never again");

            Map<String, String> row = new LinkedHashMap<>();
            row.put("endpoints", "endpoints");
            row.put("endpoints:list:0:sendTest", "");
            row.put("jakarta.faces.ViewState", WebClient.viewState(again.body()));
            assertTrue(owner.post("agency/webhooks.xhtml", row).body().contains("A test event is on its way."));
            Instant until = Instant.now().plusSeconds(30);
            while (signatures.isEmpty() && Instant.now().isBefore(until)) {
                Thread.sleep(100);
            }
            assertEquals(1, signatures.size(), "the test event arrived");
            assertTrue(signatures.get(0).startsWith("v1,"), signatures.get(0));

            row.remove("endpoints:list:0:sendTest");
            row.put("endpoints:list:0:remove", "");
            row.put("jakarta.faces.ViewState", WebClient.viewState(owner.get("agency/webhooks.xhtml").body()));
            owner.post("agency/webhooks.xhtml", row);
            assertFalse(owner.get("agency/webhooks.xhtml").body().contains(url), "removed");
        } finally {
            receiver.stop(0);
        }
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
    void aClientsHomeIsItsDashboardAndTheAgencySeesEachClientAtAGlance() {
        long acme = clientId(Demo.ACME);
        String owner = signedIn(Demo.NORTHWIND_OWNER).get("client/home.xhtml?client=" + acme).body();
        for (String part : new String[] {"Waiting for you", "Next 7 days", "Publishing", "Last 30 days", "Engagement rate",
            "id=\"trendChart\"", "The figures per day", "Recent activity"}) {
            assertTrue(owner.contains(part), part + " on the owner's home of " + Demo.ACME);
        }
        String approver = signedIn(Demo.ACME_APPROVER).get("client/home.xhtml?client=" + acme).body();
        assertTrue(approver.contains("Next 7 days") && approver.contains("Last 30 days"), approver);
        assertFalse(approver.contains("Recent activity"), "the audit log stays the agency's");

        String clients = signedIn(Demo.NORTHWIND_OWNER).get("agency/clients.xhtml").body();
        for (String column : new String[] {"Due in 7 days", "Internal review", "Waiting for the client", "Followers (30 days)"}) {
            assertTrue(clients.contains(column), column);
        }
        Matcher due = Pattern.compile("id=\"clients:list:\\d+:due\"[^>]*>(\\d+)<").matcher(clients);
        assertTrue(due.find(), "each active client's posts due in the next 7 days, as a number:\n" + clients);
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
            "client/tracking.xhtml?client=" + acme, "agency/portfolio.xhtml", "agency/branding.xhtml",
            "agency/webhooks.xhtml",
            "client/inbox.xhtml?client=" + acme, "client/contacts.xhtml?client=" + acme,
            "client/answers.xhtml?client=" + acme, "client/inbox-settings.xhtml?client=" + acme};
        for (String page : ownerPages) {
            HttpResponse<String> response = owner.get(page);
            assertEquals(200, response.statusCode(), page);
            assertFalse(response.body().contains("Something went wrong"), page);
        }
        WebClient approver = signedIn(Demo.ACME_APPROVER);
        Matcher shown = Pattern.compile("post=(\\d+)").matcher(approver.get("client/posts.xhtml?client=" + acme).body());
        assertTrue(shown.find(), "the client sees the posts sent to it");
        for (String page : new String[] {"account.xhtml", "client/home.xhtml?client=" + acme,
            "client/calendar.xhtml?client=" + acme,
            "client/posts.xhtml?client=" + acme, "client/media.xhtml?client=" + acme,
            "client/post.xhtml?client=" + acme + "&post=" + shown.group(1), "client/analytics.xhtml?client=" + acme,
            "client/reports.xhtml?client=" + acme, "client/tracking.xhtml?client=" + acme,
            "client/inbox.xhtml?client=" + acme, "client/answers.xhtml?client=" + acme}) {
            HttpResponse<String> response = approver.get(page);
            assertEquals(200, response.statusCode(), page);
            assertFalse(response.body().contains("Something went wrong"), page);
        }
        assertEquals(404, approver.get("client/import.xhtml?client=" + acme).statusCode(), "clients do not import");
        HttpResponse<String> mark = owner.get("inbox/mark?client=" + acme);
        assertEquals(200, mark.statusCode());
        assertTrue(mark.body().matches("\\d+:\\d+"), "the open inbox's mark: " + mark.body());
        assertEquals(200, approver.get("inbox/mark?client=" + acme).statusCode(), "Acme lets its people see the inbox");
        assertEquals(404, signedIn(Demo.GLOBEX_APPROVER).get("inbox/mark?client=" + acme).statusCode());
        assertEquals(404, signedIn(Demo.SOUTHWIND_OWNER).get("inbox/mark?client=" + acme).statusCode());
        assertEquals(404, owner.get("inbox/mark?client=" + acme + "x").statusCode(), "a forged id");
        assertNotEquals(200, new WebClient(base).get("inbox/mark?client=" + acme).statusCode(), "nobody signed in");
        assertEquals(404, approver.get("client/compose.xhtml?client=" + acme).statusCode(), "clients do not compose");
        assertEquals(404, approver.get("client/snippets.xhtml?client=" + acme).statusCode());
        assertEquals(403, approver.get("agency/calendar.xhtml").statusCode());
        assertEquals(403, approver.get("agency/portfolio.xhtml").statusCode());
        assertEquals(403, signedIn(Demo.NORTHWIND_EDITOR).get("agency/branding.xhtml").statusCode(),
                "only owners and managers brand the agency's reports");
        assertEquals(403, signedIn(Demo.NORTHWIND_EDITOR).get("agency/webhooks.xhtml").statusCode(),
                "only owners and managers keep the agency's webhooks");
        assertEquals(403, approver.get("agency/webhooks.xhtml").statusCode());
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
    void healthEndpointsReportReadinessAndLiveness() {
        HttpResponse<String> ready = operator("/health/ready", OPERATOR_TOKEN);
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"tenantSchemas\""), ready.body());
        assertEquals(200, operator("/health/live", OPERATOR_TOKEN).statusCode());
    }
}
