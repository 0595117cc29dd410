package app.herald.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.approval.application.ApprovalPolicies;
import app.herald.approval.domain.ApprovalMode;
import app.herald.content.application.Channels;
import app.herald.content.application.Posts;
import app.herald.content.domain.Channel;
import app.herald.content.domain.Network;
import app.herald.content.domain.Post;
import app.herald.identity.application.Actors;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.Secrets;
import app.herald.publishing.application.OAuthConnections;
import app.herald.publishing.application.Publications;
import app.herald.publishing.domain.OAuthState;
import app.herald.publishing.domain.Publication;
import app.herald.publishing.domain.PublicationState;
import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.application.TenantProvisioning;
import app.herald.testsupport.Demo;
import app.herald.testsupport.FakeNetwork;
import app.herald.testsupport.FakeNetwork.Answer;
import app.herald.testsupport.HeraldDeployment;
import app.herald.testsupport.InTenant;
import app.herald.testsupport.WebClient;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Connecting a channel by signing in at its network, on the real server: a Mastodon server on loopback registers
 * Herald, the browser's return is played by calling the callback's service as the person, and the channel's next post
 * goes out with the new token. Mastodon needs no platform configuration, so the whole flow runs here; the other
 * networks' requests are covered by OAuthProvidersTest. Forged, expired, foreign, reused and declined returns change
 * nothing.
 */
@ExtendWith(ArquillianExtension.class)
class OAuthConnectIT {

    private static final String GOOD_CODE = "good-code";

    @Deployment
    static WebArchive deployment() {
        return HeraldDeployment.war(OAuthConnectIT.class, FakeNetwork.class, WebClient.class);
    }

    @Inject
    OAuthConnections oauth;
    @Inject
    Channels channels;
    @Inject
    Posts posts;
    @Inject
    Publications publications;
    @Inject
    ApprovalPolicies policies;
    @Inject
    TenantAuditLog audit;
    @Inject
    InTenant inTenant;
    @Inject
    Actors actors;
    @Inject
    TenantProvisioning provisioning;
    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;
    @ArquillianResource
    URL base;

    private Actor actor(String email) {
        return actors.byEmail(email).orElseThrow();
    }

    /** A fresh client without review, so that a submitted post is approved at once. */
    private long newClient(Actor owner) {
        long tenant = provisioning.create(owner, owner.agencyId().orElseThrow(), "OAuth " + UUID.randomUUID(),
                "Europe/Berlin").getId();
        inTenant.call(owner, tenant, () -> { policies.changeMode(owner, ApprovalMode.NONE); return null; });
        return tenant;
    }

    private long channel(Actor owner, long tenant, Network network, String handle) {
        return inTenant.call(owner, tenant, () -> channels.add(owner, network, handle, "Test " + network).getId());
    }

    private Channel channelNow(Actor owner, long tenant, long channel) {
        return inTenant.call(owner, tenant, () -> channels.find(channel));
    }

    /** A Mastodon server that knows one account and accepts one code. */
    private static FakeNetwork mastodon(String username) {
        FakeNetwork server = new FakeNetwork();
        server.on("POST", "/api/v1/apps", Answer.json(200, """
                {"id": "563419", "name": "Herald", "client_id": "app-client-id", "client_secret": "app-client-secret"}"""));
        server.on("POST", "/oauth/token", r -> GOOD_CODE.equals(form(r.text()).get("code"))
                ? Answer.json(200, "{\"access_token\": \"fresh-token\", \"token_type\": \"Bearer\", "
                + "\"scope\": \"read write:statuses write:media\", \"created_at\": 1573979017}")
                : Answer.json(400, "{\"error\": \"invalid_grant\", \"error_description\": \"The provided "
                + "authorization grant is invalid, expired, revoked, does not match the redirection URI used in the "
                + "authorization request, or was issued to another client.\"}"));
        server.on("GET", "/api/v1/accounts/verify_credentials", Answer.json(200,
                "{\"id\": \"14715\", \"username\": \"" + username + "\", \"acct\": \"" + username + "\"}"));
        server.on("POST", "/api/v1/statuses", Answer.json(200,
                "{\"id\": \"103704874086360371\", \"url\": \"" + server.baseUrl() + "/@" + username + "/1\"}"));
        return server;
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : encoded == null ? new String[0] : encoded.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return fields;
    }

    private String begin(Actor actor, long tenant, long channel, String instance) {
        return inTenant.call(actor, tenant, () -> oauth.begin(actor, channel, instance));
    }

    private static String stateOf(String authorizationUrl) {
        return form(URI.create(authorizationUrl).getRawQuery()).get("state");
    }

    private OAuthConnections.Outcome complete(String state, String code, String error, Actor actor) {
        return inTenant.inRequest(() -> oauth.complete(state, code, error, actor));
    }

    private long count(String sql, Object... values) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private void execute(String sql, Object... values) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            assertEquals(1, s.executeUpdate(), sql);
        }
    }

    private Publication awaitPublished(Actor owner, long tenant, long postId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(40);
        Publication current = inTenant.call(owner, tenant, () -> publications.ofPost(postId)).get(0);
        while (current.getState() != PublicationState.PUBLISHED && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            current = inTenant.call(owner, tenant, () -> publications.ofPost(postId)).get(0);
        }
        assertEquals(PublicationState.PUBLISHED, current.getState(), "reason: " + current.getReason());
        return current;
    }

    @Test
    void signingInAtAMastodonServerConnectsTheChannelAndItsNextPostUsesTheNewToken() throws Exception {
        Actor owner = actor(Demo.NORTHWIND_OWNER);
        long tenant = newClient(owner);
        String username = "acme" + UUID.randomUUID().toString().substring(0, 8);
        long channel = channel(owner, tenant, Network.MASTODON, "@" + username + "@mastodon.example");
        try (FakeNetwork server = mastodon(username)) {
            String url = begin(owner, tenant, channel, server.baseUrl() + "/");

            assertTrue(url.startsWith(server.baseUrl() + "/oauth/authorize?"), url);
            Map<String, String> consent = form(URI.create(url).getRawQuery());
            assertEquals("code", consent.get("response_type"));
            assertEquals("app-client-id", consent.get("client_id"));
            assertEquals("read write:statuses write:media write:favourites", consent.get("scope"));
            assertTrue(consent.get("redirect_uri").endsWith(OAuthConnections.CALLBACK), consent.get("redirect_uri"));
            Map<String, String> registration = form(server.received("POST", "/api/v1/apps").get(0).text());
            assertEquals("Herald", registration.get("client_name"));
            assertEquals(consent.get("redirect_uri"), registration.get("redirect_uris"));
            String state = consent.get("state");
            assertTrue(Secrets.looksLikeSecret(state), state);
            assertEquals(0, count("SELECT COUNT(*) FROM oauth_state WHERE state = ?", state), "the state is not kept");
            assertEquals(1, count("SELECT COUNT(*) FROM oauth_state WHERE state = ? AND tenant_id = ? AND channel_id = ? "
                    + "AND user_id = ? AND network = 'MASTODON' AND app_credentials NOT LIKE '%app-client-secret%'",
                    OAuthState.hash(state), tenant, channel, owner.userId()), "only its hash, with the app sealed");
            assertFalse(channelNow(owner, tenant, channel).isConnected(), "nothing changes before the return");

            OAuthConnections.Outcome outcome = complete(state, GOOD_CODE, null, owner);

            assertTrue(outcome.connected(), outcome.message());
            assertEquals(tenant, outcome.tenantId());
            assertEquals(channel, outcome.channelId());
            assertTrue(outcome.message().contains("@" + username), outcome.message());
            Map<String, String> token = form(server.received("POST", "/oauth/token").get(0).text());
            assertEquals(Map.of("grant_type", "authorization_code", "code", GOOD_CODE, "client_id", "app-client-id",
                    "client_secret", "app-client-secret", "redirect_uri", consent.get("redirect_uri"),
                    "scope", "read write:statuses write:media write:favourites"), token);
            Channel connected = channelNow(owner, tenant, channel);
            assertTrue(connected.isConnected());
            assertEquals(server.baseUrl(), connected.getEndpoint());
            assertTrue(inTenant.call(owner, tenant, () -> audit.recent(10)).stream()
                    .anyMatch(e -> e.getAction().equals("CHANNEL_SIGNED_IN")), "audited");

            long postId = inTenant.call(owner, tenant, () -> {
                Post post = posts.draft(owner, "Signed in " + UUID.randomUUID(), "Hello fediverse", Set.of(channel));
                posts.schedule(owner, post.getId(), Instant.now().plusSeconds(1));
                return posts.submit(owner, post.getId()).getId();
            });
            awaitPublished(owner, tenant, postId);
            FakeNetwork.Received status = server.received("POST", "/api/v1/statuses").get(0);
            assertEquals("Bearer fresh-token", status.header("Authorization"), "published with the new token");

            OAuthConnections.Outcome again = complete(state, GOOD_CODE, null, owner);
            assertFalse(again.connected());
            assertTrue(again.message().contains("already completed"), again.message());
            assertEquals(1, server.received("POST", "/oauth/token").size(), "a state works once");
        }
    }

    @Test
    void forgedExpiredForeignReusedAndDeclinedReturnsChangeNothing() throws Exception {
        Actor owner = actor(Demo.NORTHWIND_OWNER);
        Actor editor = actor(Demo.NORTHWIND_EDITOR);
        long tenant = newClient(owner);
        String username = "globex" + UUID.randomUUID().toString().substring(0, 8);
        long channel = channel(owner, tenant, Network.MASTODON, "@" + username);
        try (FakeNetwork server = mastodon(username)) {
            // Forged and missing states name no channel: there is no page to go back to.
            for (String forged : List.of(Secrets.newSecret(), "", "' OR 1=1 --")) {
                OAuthConnections.Outcome outcome = complete(forged, GOOD_CODE, null, owner);
                assertFalse(outcome.connected());
                assertFalse(outcome.hasChannel());
                assertEquals(OAuthState.NOT_VALID, outcome.message());
            }
            assertFalse(complete(null, null, null, owner).hasChannel());

            // Someone else's state: refused without a word about it, and still good for its owner afterwards.
            String foreign = stateOf(begin(owner, tenant, channel, server.baseUrl()));
            OAuthConnections.Outcome stolen = complete(foreign, GOOD_CODE, null, editor);
            assertFalse(stolen.hasChannel());
            assertEquals(OAuthState.NOT_VALID, stolen.message());
            assertTrue(server.received("POST", "/oauth/token").isEmpty());
            assertFalse(channelNow(owner, tenant, channel).isConnected());

            // Declined at the network: nothing changes, and the state is spent.
            OAuthConnections.Outcome declined = complete(foreign, null, "access_denied", owner);
            assertFalse(declined.connected());
            assertEquals(channel, declined.channelId());
            assertTrue(declined.message().contains("not given access"), declined.message());
            assertTrue(complete(foreign, GOOD_CODE, null, owner).message().contains("already completed"));

            // An error code that is not one is not repeated.
            String odd = stateOf(begin(owner, tenant, channel, server.baseUrl()));
            String shown = complete(odd, null, "<script>alert(1)</script>", owner).message();
            assertFalse(shown.contains("<"), shown);

            // Expired: more than ten minutes at the network.
            String late = stateOf(begin(owner, tenant, channel, server.baseUrl()));
            execute("UPDATE oauth_state SET created_at = created_at - ? WHERE state = ?",
                    OAuthState.VALIDITY.toMillis() + 1000, OAuthState.hash(late));
            OAuthConnections.Outcome expired = complete(late, GOOD_CODE, null, owner);
            assertFalse(expired.connected());
            assertTrue(expired.message().contains("10 minutes"), expired.message());

            // A code the server refuses: its reason, and nothing stored.
            String refused = stateOf(begin(owner, tenant, channel, server.baseUrl()));
            OAuthConnections.Outcome invalid = complete(refused, "wrong-code", null, owner);
            assertFalse(invalid.connected());
            assertTrue(invalid.message().contains("invalid_grant"), invalid.message());

            assertTrue(server.received("POST", "/oauth/token").size() == 1, "only the refused code was exchanged");
            assertFalse(channelNow(owner, tenant, channel).isConnected(), "none of these connected the channel");
            assertTrue(inTenant.call(owner, tenant, () -> audit.recent(50)).stream()
                    .noneMatch(e -> e.getAction().startsWith("CHANNEL_")
                            && !e.getAction().equals("CHANNEL_ADDED")), "nothing about the channel changed");
        }
    }

    @Test
    void onlyThoseWhoConnectThisClientsChannelsCanBegin() throws Exception {
        Actor owner = actor(Demo.NORTHWIND_OWNER);
        long tenant = newClient(owner);
        long channel = channel(owner, tenant, Network.MASTODON, "@initech" + UUID.randomUUID().toString().substring(0, 8));
        long x = channel(owner, tenant, Network.X, "@initech" + UUID.randomUUID().toString().substring(0, 8));
        long sandbox = channel(owner, tenant, Network.SANDBOX, "sandbox-" + UUID.randomUUID().toString().substring(0, 8));

        Actor southwind = actor(Demo.SOUTHWIND_OWNER);
        assertThrows(AccessDenied.class, () -> begin(southwind, tenant, channel, "https://mastodon.example"));
        long theirs = provisioning.create(southwind, southwind.agencyId().orElseThrow(), "Other " + UUID.randomUUID(),
                "Europe/Berlin").getId();
        assertThrows(RuleViolation.class, () -> begin(southwind, theirs, channel, "https://mastodon.example"),
                "our channel id means nothing in their client");
        Actor analyst = actor(Demo.NORTHWIND_ANALYST);
        assertThrows(AccessDenied.class, () -> inTenant.call(owner, tenant,
                () -> oauth.begin(analyst, channel, "https://mastodon.example")), "analysts only read");

        RuleViolation unset = assertThrows(RuleViolation.class, () -> begin(owner, tenant, x, null));
        assertTrue(unset.getMessage().contains("herald.network.x.client-id"), unset.getMessage());
        RuleViolation demo = assertThrows(RuleViolation.class, () -> begin(owner, tenant, sandbox, null));
        assertTrue(demo.getMessage().contains("not connected by signing in"), demo.getMessage());
        RuleViolation noServer = assertThrows(RuleViolation.class, () -> begin(owner, tenant, channel, " "));
        assertTrue(noServer.getMessage().contains("address of the Mastodon server"), noServer.getMessage());
        assertThrows(RuleViolation.class, () -> begin(owner, tenant, channel, "file:///etc/passwd"));
        assertEquals(0, count("SELECT COUNT(*) FROM oauth_state WHERE tenant_id = ?", tenant), "no sign-in started");
    }

    /**
     * Server-side request forgery: "Sign in with Mastodon" at an address inside Herald's own network (a listener on
     * 127.0.0.2, outside the loopback address the tests allow) or at the cloud metadata address is refused with one
     * message that says nothing about what lies there, and the listener receives nothing.
     */
    @Test
    void aMastodonServerInsideHeraldsNetworkIsNeverCalled() throws Exception {
        Actor owner = actor(Demo.NORTHWIND_OWNER);
        long tenant = newClient(owner);
        long channel = channel(owner, tenant, Network.MASTODON, "@probe" + UUID.randomUUID().toString().substring(0, 8));
        try (FakeNetwork inside = new FakeNetwork(java.net.InetAddress.getByName("127.0.0.2"))) {
            inside.on("POST", "/api/v1/apps", r -> Answer.json(422, "{\"error\":\"internal service says hello\"}"));
            for (String address : List.of(inside.baseUrl() + "/x", "http://169.254.169.254/latest/meta-data/",
                    "http://[::1]:8080/", "http://10.0.0.1:6379/")) {
                RuleViolation refused = assertThrows(RuleViolation.class, () -> begin(owner, tenant, channel, address));
                assertEquals("Herald cannot reach that address.", refused.getMessage(), address);
            }
            assertEquals(0, inside.received().size(), "nothing reached the listener");
        }
        assertEquals(0, count("SELECT COUNT(*) FROM oauth_state WHERE tenant_id = ?", tenant), "no sign-in started");
    }

    /** Over HTTP as a browser does it: the connect page's button, the network's redirect, the callback's answer. */
    @Test
    void theConnectPageSendsTheBrowserToTheServerAndTheCallbackBringsItBack() throws Exception {
        Actor owner = actor(Demo.NORTHWIND_OWNER);
        long tenant = newClient(owner);
        String username = "web" + UUID.randomUUID().toString().substring(0, 8);
        long channel = channel(owner, tenant, Network.MASTODON, "@" + username + "@mastodon.example");
        String page = "client/connect.xhtml?client=" + tenant + "&channel=" + channel;
        try (FakeNetwork server = mastodon(username)) {
            WebClient browser = new WebClient(base);
            assertEquals(200, browser.signIn(Demo.NORTHWIND_OWNER, Demo.PASSWORD).statusCode());
            HttpResponse<String> connect = browser.get(page);
            assertEquals(200, connect.statusCode());
            assertTrue(connect.body().contains("Sign in with Mastodon"), connect.body());
            long x = channel(owner, tenant, Network.X, "@" + username);
            String setup = browser.get("client/connect.xhtml?client=" + tenant + "&channel=" + x).body();
            assertTrue(setup.contains("herald.network.x.client-id") && setup.contains("herald.network.x.client-secret")
                    && setup.contains("/oauth/callback</code>"), "the keys to set, and the address to register:\n" + setup);
            assertFalse(setup.contains("Sign in with X"), "no button before the app is configured");

            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("connect", "connect");
            fields.put("connect:endpoint", server.baseUrl());
            fields.put("connect:signIn", "");
            fields.put("jakarta.faces.ViewState", WebClient.viewState(connect.body()));
            HttpResponse<String> toNetwork = browser.post(page, fields);
            assertEquals(302, toNetwork.statusCode(), toNetwork.body());
            String consent = toNetwork.headers().firstValue("Location").orElseThrow();
            assertTrue(consent.startsWith(server.baseUrl() + "/oauth/authorize?"), consent);
            Map<String, String> query = form(URI.create(consent).getRawQuery());
            String callback = query.get("redirect_uri");
            assertTrue(callback.startsWith(base.toString().replaceAll("/+$", "")) && callback.endsWith("/oauth/callback"),
                    callback + " is under " + base);

            HttpResponse<String> forged = browser.get("oauth/callback?state=" + Secrets.newSecret() + "&code=x");
            assertEquals(400, forged.statusCode());
            assertTrue(forged.body().contains("not valid"), forged.body());
            WebClient approver = new WebClient(base);
            approver.signIn(Demo.ACME_APPROVER, Demo.PASSWORD);
            assertEquals(403, approver.get("oauth/callback?state=" + query.get("state") + "&code=" + GOOD_CODE)
                    .statusCode(), "client users connect no channels");
            HttpResponse<String> anonymous = new WebClient(base).get("oauth/callback?state=x&code=y");
            assertEquals(302, anonymous.statusCode(), "sign in first");
            assertTrue(anonymous.headers().firstValue("Location").orElseThrow().contains("login.xhtml"));

            HttpResponse<String> back = browser.get("oauth/callback?state=" + query.get("state") + "&code=" + GOOD_CODE);
            assertEquals(302, back.statusCode(), back.body());
            String landing = back.headers().firstValue("Location").orElseThrow();
            assertTrue(landing.contains("/client/connect.xhtml?client=" + tenant + "&channel=" + channel + "&oauth="),
                    landing);
            assertFalse(landing.contains(GOOD_CODE) || landing.contains("Connected"), "no code, no text in the address");
            HttpResponse<String> shown = browser.get(landing.substring(landing.indexOf("client/connect.xhtml")));
            assertTrue(shown.body().contains("Connected as @" + username), shown.body());
            assertTrue(channelNow(owner, tenant, channel).isConnected());
            HttpResponse<String> reloaded = browser.get(landing.substring(landing.indexOf("client/connect.xhtml")));
            assertFalse(reloaded.body().contains("Connected as @" + username), "the outcome is shown once");
        }
    }
}
