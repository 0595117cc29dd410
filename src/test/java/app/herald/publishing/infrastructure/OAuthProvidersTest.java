package app.herald.publishing.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.content.domain.Network;
import app.herald.kernel.RuleViolation;
import app.herald.testsupport.FakeNetwork;
import app.herald.testsupport.FakeNetwork.Answer;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The OAuth 2 authorization-code flow of each network, as each documents it, against a fake network on loopback:
 * the consent-screen address, the token request, what is read after it, and the refusals people see.
 */
class OAuthProvidersTest {

    private static final String REDIRECT = "https://herald.example/oauth/callback";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private final FakeNetwork network = new FakeNetwork();
    private final OAuthProviders providers = new OAuthProviders(Duration.ofSeconds(2));

    @AfterEach
    void tearDown() {
        network.close();
    }

    private OAuthProviders.App app(Network n, String tokenPath, String apiPath, String... scopes) {
        return new OAuthProviders.App(n, "client-1", "secret-1", "https://consent.example/authorize",
                network.baseUrl() + tokenPath, network.baseUrl() + apiPath, List.of(scopes));
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return fields;
        }
        for (String pair : encoded.split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return fields;
    }

    private static long expiresIn(Map<String, String> credentials) {
        return Long.parseLong(credentials.get("expires_at")) - Instant.now().getEpochSecond();
    }

    // --- consent-screen addresses

    @Test
    void pkceChallengeIsTheRfc7636S256OfTheVerifier() throws Exception {
        // RFC 7636, appendix B.
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", OAuthProviders.challenge(VERIFIER));
        String other = "another-verifier-of-forty-three-characters-x";
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(other.getBytes(StandardCharsets.US_ASCII));
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(digest), OAuthProviders.challenge(other));
    }

    @Test
    void xAuthorizationAddressAsksForTheScopesWithPkce() {
        OAuthProviders.App x = new OAuthProviders.App(Network.X, "client-1", "secret-1",
                "https://x.com/i/oauth2/authorize", "", "", List.of("tweet.read", "tweet.write", "users.read",
                "offline.access", "media.write"));
        URI url = URI.create(providers.authorizationUrl(x, "state-123", REDIRECT, VERIFIER));

        assertEquals("https://x.com/i/oauth2/authorize", url.getScheme() + "://" + url.getHost() + url.getPath());
        Map<String, String> query = form(url.getRawQuery());
        assertEquals("code", query.get("response_type"));
        assertEquals("client-1", query.get("client_id"));
        assertEquals(REDIRECT, query.get("redirect_uri"));
        assertEquals("tweet.read tweet.write users.read offline.access media.write", query.get("scope"));
        assertEquals("state-123", query.get("state"));
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", query.get("code_challenge"));
        assertEquals("S256", query.get("code_challenge_method"));
        assertFalse(url.getRawQuery().contains(VERIFIER), "the verifier never leaves Herald before the exchange");
        assertTrue(url.getRawQuery().contains("scope=tweet.read%20tweet.write"), "spaces as %20: " + url.getRawQuery());
    }

    @Test
    void linkedInAndMetaAddressesUseThePlainCodeFlowWithTheirScopeSeparators() {
        OAuthProviders.App linkedIn = new OAuthProviders.App(Network.LINKEDIN, "li-app", "s",
                "https://www.linkedin.com/oauth/v2/authorization", "", "", List.of("w_organization_social",
                "r_organization_social"));
        Map<String, String> li = form(URI.create(providers.authorizationUrl(linkedIn, "st", REDIRECT, VERIFIER))
                .getRawQuery());
        assertEquals(Map.of("response_type", "code", "client_id", "li-app", "redirect_uri", REDIRECT,
                "scope", "w_organization_social r_organization_social", "state", "st"), li);

        for (Network meta : List.of(Network.FACEBOOK, Network.INSTAGRAM, Network.THREADS)) {
            OAuthProviders.App app = new OAuthProviders.App(meta, "meta-app", "s",
                    "https://www.facebook.com/v21.0/dialog/oauth?display=page", "", "",
                    List.of("pages_show_list", "pages_manage_posts"));
            String address = providers.authorizationUrl(app, "st", REDIRECT, VERIFIER);
            assertTrue(address.startsWith("https://www.facebook.com/v21.0/dialog/oauth?display=page&"), address);
            Map<String, String> q = form(URI.create(address).getRawQuery());
            assertEquals("pages_show_list,pages_manage_posts", q.get("scope"), meta + " separates scopes by commas");
            assertEquals("meta-app", q.get("client_id"));
            assertEquals("st", q.get("state"));
            assertEquals(REDIRECT, q.get("redirect_uri"));
            assertEquals("code", q.get("response_type"));
            assertNull(q.get("code_challenge"), meta + " without PKCE");
        }
    }

    // --- X

    @Test
    void xExchangesTheCodeWithBasicAuthAndTheVerifierThenReadsTheAccount() {
        network.on("POST", "/2/oauth2/token", Answer.json(200, """
                {"token_type": "bearer", "expires_in": 7200, "access_token": "x-access",
                 "scope": "tweet.write users.read tweet.read offline.access", "refresh_token": "x-refresh"}"""));
        network.on("GET", "/2/users/me", Answer.json(200,
                "{\"data\": {\"id\": \"2244994945\", \"name\": \"Acme\", \"username\": \"AcmeCoffee\"}}"));

        OAuthProviders.Grant grant = providers.exchange(app(Network.X, "/2/oauth2/token", ""), "code-1", REDIRECT,
                VERIFIER, "@acmecoffee");

        FakeNetwork.Received token = network.received("POST", "/2/oauth2/token").get(0);
        assertEquals("application/x-www-form-urlencoded", token.header("Content-Type"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString("client-1:secret-1".getBytes(StandardCharsets.UTF_8)),
                token.header("Authorization"));
        assertEquals(Map.of("grant_type", "authorization_code", "code", "code-1", "redirect_uri", REDIRECT,
                "code_verifier", VERIFIER), form(token.text()), "the secret is in the header, not the body");
        assertEquals("Bearer x-access", network.received("GET", "/2/users/me").get(0).header("Authorization"));

        assertEquals("x-access", grant.credentials().get("access_token"));
        assertEquals("x-refresh", grant.credentials().get("refresh_token"));
        assertEquals("2244994945", grant.credentials().get("account_id"));
        assertTrue(Math.abs(expiresIn(grant.credentials()) - 7200) <= 5, grant.credentials().get("expires_at"));
        assertEquals("@AcmeCoffee", grant.account());
    }

    @Test
    void aSignInToAnotherAccountThanTheChannelsIsRefused() {
        network.on("POST", "/2/oauth2/token", Answer.json(200, "{\"access_token\": \"x-access\", \"expires_in\": 7200}"));
        network.on("GET", "/2/users/me", Answer.json(200, "{\"data\": {\"id\": \"99\", \"username\": \"someone_else\"}}"));

        RuleViolation refused = assertThrows(RuleViolation.class, () -> providers.exchange(
                app(Network.X, "/2/oauth2/token", ""), "code-1", REDIRECT, VERIFIER, "@acmecoffee"));
        assertTrue(refused.getMessage().contains("as @someone_else"), refused.getMessage());
        assertTrue(refused.getMessage().contains("this channel is @acmecoffee"), refused.getMessage());
        assertTrue(refused.getMessage().contains("Nothing was changed"), refused.getMessage());
    }

    @Test
    void anInvalidGrantIsToldInTheNetworksWords() {
        network.on("POST", "/2/oauth2/token", Answer.json(400, """
                {"error": "invalid_grant", "error_description": "Value passed for the authorization code was invalid."}"""));

        RuleViolation refused = assertThrows(RuleViolation.class, () -> providers.exchange(
                app(Network.X, "/2/oauth2/token", ""), "stale", REDIRECT, VERIFIER, "@acme"));
        assertEquals("X refused to finish the sign-in (invalid_grant: Value passed for the authorization code was "
                + "invalid.). Nothing was changed: start the sign-in again.", refused.getMessage());
        assertTrue(network.received("GET", "/2/users/me").isEmpty(), "no account read without tokens");
    }

    @Test
    void anUnreachableOrUnreadableNetworkIsToldPlainly() {
        OAuthProviders.App nowhere = new OAuthProviders.App(Network.LINKEDIN, "c", "s", "", "http://127.0.0.1:1/token",
                "", List.of());
        RuleViolation down = assertThrows(RuleViolation.class,
                () -> providers.exchange(nowhere, "code", REDIRECT, VERIFIER, "urn:li:organization:1"));
        assertTrue(down.getMessage().startsWith("Herald could not reach LinkedIn"), down.getMessage());

        network.on("POST", "/token", new Answer(200, "<html>oops</html>", Map.of("Content-Type", "text/html"), 0));
        RuleViolation garbled = assertThrows(RuleViolation.class, () -> providers.exchange(
                app(Network.LINKEDIN, "/token", ""), "code", REDIRECT, VERIFIER, "urn:li:organization:1"));
        assertTrue(garbled.getMessage().contains("could not read"), garbled.getMessage());
    }

    // --- LinkedIn

    @Test
    void linkedInSendsTheAppInTheFormAndKeepsTheChannelsAuthor() {
        network.on("POST", "/oauth/v2/accessToken", Answer.json(200, """
                {"access_token": "li-access", "expires_in": 5184000, "refresh_token": "li-refresh",
                 "refresh_token_expires_in": 31536000, "scope": "w_organization_social"}"""));

        OAuthProviders.Grant grant = providers.exchange(app(Network.LINKEDIN, "/oauth/v2/accessToken", ""), "code-2",
                REDIRECT, VERIFIER, "urn:li:organization:2414183");

        FakeNetwork.Received token = network.received("POST", "/oauth/v2/accessToken").get(0);
        assertNull(token.header("Authorization"));
        assertEquals(Map.of("grant_type", "authorization_code", "code", "code-2", "redirect_uri", REDIRECT,
                "client_id", "client-1", "client_secret", "secret-1"), form(token.text()));
        assertEquals(1, network.received().size(), "no further LinkedIn API call");
        assertEquals("li-access", grant.credentials().get("access_token"));
        assertEquals("li-refresh", grant.credentials().get("refresh_token"));
        assertTrue(Math.abs(expiresIn(grant.credentials()) - 5184000) <= 5);
        assertFalse(grant.credentials().containsKey("account_id"), "the author URN stays the channel's handle");
        assertEquals("urn:li:organization:2414183", grant.account());
    }

    // --- Facebook and Instagram

    private void metaTokens() {
        network.on("POST", "/v21.0/oauth/access_token", Answer.json(200,
                "{\"access_token\": \"short-user\", \"token_type\": \"bearer\", \"expires_in\": 5183}"));
        network.on("GET", "/v21.0/oauth/access_token", Answer.json(200,
                "{\"access_token\": \"long-user\", \"token_type\": \"bearer\", \"expires_in\": 5183944}"));
    }

    @Test
    void facebookExtendsTheUserTokenAndKeepsThePageTokenOfTheChannelsPage() {
        metaTokens();
        network.on("GET", "/v21.0/me/accounts", Answer.json(200, """
                {"data": [
                  {"id": "1111", "name": "Other Brand", "access_token": "page-other"},
                  {"id": "104555", "name": "Acme Coffee", "username": "acmecoffee", "access_token": "page-acme"}],
                 "paging": {"cursors": {"before": "a", "after": "b"}}}"""));

        OAuthProviders.Grant grant = providers.exchange(app(Network.FACEBOOK, "/v21.0/oauth/access_token", "/v21.0"),
                "code-3", REDIRECT, VERIFIER, "@acmecoffee");

        Map<String, String> code = form(network.received("POST", "/v21.0/oauth/access_token").get(0).text());
        assertEquals("client-1", code.get("client_id"));
        assertEquals("secret-1", code.get("client_secret"));
        assertEquals("code-3", code.get("code"));
        assertEquals(REDIRECT, code.get("redirect_uri"));
        FakeNetwork.Received exchange = network.received("GET", "/v21.0/oauth/access_token").get(0);
        assertEquals(Map.of("grant_type", "fb_exchange_token", "client_id", "client-1", "client_secret", "secret-1",
                "fb_exchange_token", "short-user"), form(exchange.query()));
        FakeNetwork.Received pages = network.received("GET", "/v21.0/me/accounts").get(0);
        assertEquals("Bearer long-user", pages.header("Authorization"), "pages read with the long-lived token");
        assertTrue(form(pages.query()).get("fields").contains("access_token"), pages.query());

        assertEquals(Map.of("access_token", "page-acme", "account_id", "104555"), grant.credentials());
        assertEquals("Acme Coffee", grant.account());
        FakeNetwork.Received subscribed = network.received("POST", "/v21.0/104555/subscribed_apps").get(0);
        assertEquals("Bearer page-acme", subscribed.header("Authorization"), "the page subscribes with its own token");
        assertEquals("feed,messages", form(subscribed.query()).get("subscribed_fields"));
    }

    @Test
    void facebookPicksThePageByIdAndRefusesAPageTheSignInDoesNotManage() {
        metaTokens();
        network.on("GET", "/v21.0/me/accounts", Answer.json(200, """
                {"data": [{"id": "104555", "name": "Acme Coffee", "access_token": "page-acme"},
                          {"id": "2222", "name": "Globex <Outdoor>", "access_token": "page-globex"}]}"""));
        OAuthProviders.App facebook = app(Network.FACEBOOK, "/v21.0/oauth/access_token", "/v21.0");

        assertEquals("104555", providers.exchange(facebook, "c", REDIRECT, VERIFIER, "104555").credentials()
                .get("account_id"));
        RuleViolation missing = assertThrows(RuleViolation.class,
                () -> providers.exchange(facebook, "c", REDIRECT, VERIFIER, "@initech"));
        assertTrue(missing.getMessage().contains("does not manage the page @initech"), missing.getMessage());
        assertTrue(missing.getMessage().contains("found: Acme Coffee, Globex <Outdoor>"), missing.getMessage());
    }

    @Test
    void metaErrorsAreReadFromTheirErrorObject() {
        network.on("POST", "/v21.0/oauth/access_token", Answer.json(400, """
                {"error": {"message": "This authorization code has been used.", "type": "OAuthException",
                 "code": 100, "fbtrace_id": "A1b2"}}"""));
        RuleViolation used = assertThrows(RuleViolation.class, () -> providers.exchange(
                app(Network.FACEBOOK, "/v21.0/oauth/access_token", "/v21.0"), "c", REDIRECT, VERIFIER, "@acme"));
        assertTrue(used.getMessage().startsWith("Facebook refused to finish the sign-in (This authorization code has "
                + "been used.)"), used.getMessage());
    }

    @Test
    void instagramFindsTheBusinessAccountLinkedToAManagedPage() {
        metaTokens();
        network.on("GET", "/v21.0/me/accounts", Answer.json(200, """
                {"data": [
                  {"id": "1111", "name": "No Instagram", "access_token": "page-1"},
                  {"id": "104555", "name": "Acme Coffee", "access_token": "page-acme",
                   "instagram_business_account": {"id": "17841400008460056", "username": "acme.coffee"}}]}"""));

        OAuthProviders.Grant grant = providers.exchange(app(Network.INSTAGRAM, "/v21.0/oauth/access_token", "/v21.0"),
                "code-4", REDIRECT, VERIFIER, "@Acme.Coffee");

        assertEquals("fb_exchange_token",
                form(network.received("GET", "/v21.0/oauth/access_token").get(0).query()).get("grant_type"));
        String fields = form(network.received("GET", "/v21.0/me/accounts").get(0).query()).get("fields");
        assertTrue(fields.contains("instagram_business_account"), fields);
        assertEquals(Map.of("access_token", "page-acme", "account_id", "17841400008460056"), grant.credentials());
        assertEquals("@acme.coffee", grant.account());

        RuleViolation none = assertThrows(RuleViolation.class, () -> providers.exchange(
                app(Network.INSTAGRAM, "/v21.0/oauth/access_token", "/v21.0"), "c", REDIRECT, VERIFIER, "@globex"));
        assertTrue(none.getMessage().contains("Instagram business account @globex (found: @acme.coffee)"),
                none.getMessage());
    }

    // --- Threads

    @Test
    void threadsExchangesForALongLivedTokenAndReadsTheAccount() {
        network.on("POST", "/oauth/access_token", Answer.json(200,
                "{\"access_token\": \"th-short\", \"user_id\": 25044829848512345}"));
        network.on("GET", "/access_token", Answer.json(200,
                "{\"access_token\": \"th-long\", \"token_type\": \"bearer\", \"expires_in\": 5183944}"));
        network.on("GET", "/v1.0/me", Answer.json(200, "{\"id\": \"25044829848512345\", \"username\": \"acme\"}"));

        OAuthProviders.Grant grant = providers.exchange(app(Network.THREADS, "/oauth/access_token", "/v1.0"), "code-5",
                REDIRECT, VERIFIER, "@acme");

        assertEquals(Map.of("grant_type", "authorization_code", "code", "code-5", "redirect_uri", REDIRECT,
                "client_id", "client-1", "client_secret", "secret-1"),
                form(network.received("POST", "/oauth/access_token").get(0).text()));
        assertEquals(Map.of("grant_type", "th_exchange_token", "client_secret", "secret-1", "access_token", "th-short"),
                form(network.received("GET", "/access_token").get(0).query()));
        FakeNetwork.Received me = network.received("GET", "/v1.0/me").get(0);
        assertEquals("Bearer th-long", me.header("Authorization"));
        assertEquals("id,username", form(me.query()).get("fields"));
        assertEquals("th-long", grant.credentials().get("access_token"));
        assertEquals("25044829848512345", grant.credentials().get("account_id"));
        assertTrue(Math.abs(expiresIn(grant.credentials()) - 5183944) <= 5);
        assertFalse(grant.credentials().containsKey("refresh_token"));
    }

    // --- Mastodon

    @Test
    void mastodonRegistersHeraldAtTheServerThenExchangesTheCode() {
        network.on("POST", "/api/v1/apps", Answer.json(200, """
                {"id": "563419", "name": "Herald", "website": "https://herald.example/", "redirect_uri": "%s",
                 "client_id": "TWhM-tNSuncnqN7DBJmoyeLnk6K3iJJ71KKXxgL1hPM",
                 "client_secret": "ZEaFUFmF0umgBX1qKJDjaU99Q31lDkOU8NutzTOoliw"}""".formatted(REDIRECT)));
        network.on("POST", "/oauth/token", Answer.json(200, """
                {"access_token": "ZA-Yj3aBD8U8Cm7lKUp-lm9O9BmDgdhHzDeqsY8tlL0", "token_type": "Bearer",
                 "scope": "read write:statuses write:media", "created_at": 1573979017}"""));
        network.on("GET", "/api/v1/accounts/verify_credentials", Answer.json(200,
                "{\"id\": \"14715\", \"username\": \"acme\", \"acct\": \"acme\"}"));
        List<String> scopes = List.of("read", "write:statuses", "write:media");

        OAuthProviders.Registered registered = providers.registerMastodonApp(network.baseUrl(), REDIRECT,
                "https://herald.example/", scopes);
        assertEquals("TWhM-tNSuncnqN7DBJmoyeLnk6K3iJJ71KKXxgL1hPM", registered.clientId());
        assertEquals(Map.of("client_name", "Herald", "redirect_uris", REDIRECT, "scopes", "read write:statuses write:media",
                "website", "https://herald.example/"), form(network.received("POST", "/api/v1/apps").get(0).text()));

        OAuthProviders.App app = new OAuthProviders.App(Network.MASTODON, registered.clientId(),
                registered.clientSecret(), network.baseUrl() + "/oauth/authorize", network.baseUrl() + "/oauth/token",
                network.baseUrl(), scopes);
        Map<String, String> consent = form(URI.create(providers.authorizationUrl(app, "st", REDIRECT, VERIFIER))
                .getRawQuery());
        assertEquals("read write:statuses write:media", consent.get("scope"));
        assertEquals(registered.clientId(), consent.get("client_id"));

        OAuthProviders.Grant grant = providers.exchange(app, "code-6", REDIRECT, VERIFIER, "@acme@mastodon.example");
        assertEquals(Map.of("grant_type", "authorization_code", "code", "code-6", "redirect_uri", REDIRECT,
                "client_id", registered.clientId(), "client_secret", registered.clientSecret(),
                "scope", "read write:statuses write:media"), form(network.received("POST", "/oauth/token").get(0).text()));
        assertEquals("Bearer ZA-Yj3aBD8U8Cm7lKUp-lm9O9BmDgdhHzDeqsY8tlL0",
                network.received("GET", "/api/v1/accounts/verify_credentials").get(0).header("Authorization"));
        assertEquals(Map.of("access_token", "ZA-Yj3aBD8U8Cm7lKUp-lm9O9BmDgdhHzDeqsY8tlL0", "account_id", "14715"),
                grant.credentials());
    }

    @Test
    void aServerThatRefusesTheRegistrationIsNotQuoted() {
        // The server's address was typed by a person: its answer must not show what lies behind an address.
        network.on("POST", "/api/v1/apps", Answer.json(422, "{\"error\": \"Validation failed: Redirect URI must be an absolute URI.\"}"));
        RuleViolation refused = assertThrows(RuleViolation.class, () -> providers.registerMastodonApp(network.baseUrl(),
                "not a uri", "https://herald.example/", List.of("read")));
        assertEquals("Herald cannot reach that address.", refused.getMessage());
    }

    @Test
    void aNetworksReasonIsBoundedToOneLine() {
        String noisy = "line one\nline two\u0007" + "x".repeat(400);
        String shown = OAuthProviders.oneLine(noisy);
        assertFalse(shown.contains("\n"));
        assertFalse(shown.contains("\u0007"));
        assertTrue(shown.length() <= 301, "bounded: " + shown.length());
        assertEquals("acme", OAuthProviders.bareHandle("@Acme@mastodon.social"));
        assertEquals("acme", OAuthProviders.bareHandle(" @acme "));
    }
}
