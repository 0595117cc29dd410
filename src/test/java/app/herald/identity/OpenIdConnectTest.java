package app.herald.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.identity.domain.ProvenIdentity;
import app.herald.identity.infrastructure.OpenIdConnect;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.net.OutboundGuard;
import app.herald.testsupport.OidcProvider;
import app.herald.testsupport.OidcProvider.Spoiled;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Herald's side of OpenID Connect against a provider on loopback that signs real tokens with its own keys: the code
 * flow with PKCE, state and nonce, and every way an answer can be wrong refused before anyone is signed in.
 */
class OpenIdConnectTest {

    private static final URI CALLBACK = URI.create("http://localhost:8080/sso/callback");
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private OidcProvider provider;

    @BeforeEach
    void start() {
        provider = OidcProvider.start("herald-test", "a secret with : and + in it");
        provider.signsIn("subject-0042", "Nia@Joiners.test", true, "Nia New");
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    /** What a browser does between Herald and the provider: follow Herald's redirect, come back with the answer. */
    private URI answerTo(URI authorization) throws Exception {
        HttpResponse<String> consent = browser.send(HttpRequest.newBuilder(authorization).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, consent.statusCode(), consent.body());
        return URI.create(consent.headers().firstValue("Location").orElseThrow());
    }

    private ProvenIdentity signIn(OpenIdConnect.Endpoints endpoints, String secret) throws Exception {
        OpenIdConnect.Attempt attempt = OpenIdConnect.Attempt.fresh(CALLBACK);
        URI answer = answerTo(OpenIdConnect.authorizationAddress(endpoints, provider.clientId(), attempt));
        return OpenIdConnect.finish(endpoints, provider.clientId(), secret, attempt, answer);
    }

    @Test
    void theCodeFlowWithPkceProvesWhoSignedInByIssuerAndSubject() throws Exception {
        OpenIdConnect.Endpoints endpoints = OpenIdConnect.discover(provider.issuer());
        assertEquals(provider.issuer() + "/token", endpoints.token().toString());

        ProvenIdentity who = signIn(endpoints, provider.clientSecret());

        assertEquals(provider.issuer(), who.issuer());
        assertEquals("subject-0042", who.subject());
        assertEquals("Nia@Joiners.test", who.email());
        assertTrue(who.emailVerified());
        assertEquals("Nia New", who.name());
        Map<String, String> asked = provider.lastAuthorization();
        assertEquals("S256", asked.get("code_challenge_method"));
        assertEquals(43, asked.get("code_challenge").length(), "a SHA-256 challenge, never the verifier itself");
        assertTrue(asked.get("scope").contains("openid"));
        assertEquals(CALLBACK.toString(), asked.get("redirect_uri"));
        assertEquals(0, provider.refusedTokenRequests());
    }

    @Test
    void eachAttemptHasItsOwnStateNonceAndVerifier() {
        OpenIdConnect.Attempt one = OpenIdConnect.Attempt.fresh(CALLBACK);
        OpenIdConnect.Attempt two = OpenIdConnect.Attempt.fresh(CALLBACK);
        assertNotEquals(one.state(), two.state());
        assertNotEquals(one.nonce(), two.nonce());
        assertNotEquals(one.codeVerifier(), two.codeVerifier());
        assertTrue(Base64.getUrlDecoder().decode(one.codeVerifier()).length >= 32, "at least 256 random bits");
    }

    @ParameterizedTest
    @EnumSource(value = Spoiled.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void aTokenWithTheWrongAudienceIssuerNonceLifetimeOrSignatureIsRefused(Spoiled how) throws Exception {
        OpenIdConnect.Endpoints endpoints = OpenIdConnect.discover(provider.issuer());
        provider.spoilNextToken(how);

        RuleViolation refused = assertThrows(RuleViolation.class, () -> signIn(endpoints, provider.clientSecret()));

        assertTrue(refused.getMessage().startsWith("Herald refused your identity provider's answer"),
                how + ": " + refused.getMessage());
        String reason = switch (how) {
            case WRONG_AUDIENCE -> "audience";
            case WRONG_ISSUER -> "issuer";
            case WRONG_NONCE -> "nonce";
            case EXPIRED -> "Expired";
            case FOREIGN_KEY -> "Invalid signature";
            default -> "Signed ID token expected";
        };
        assertTrue(refused.getMessage().contains(reason), how + " is refused for its own reason: " + refused.getMessage());
        assertEquals("subject-0042", signIn(endpoints, provider.clientSecret()).subject(),
                "the next, sound token signs in: only the spoiled one was refused");
    }

    @Test
    void anAnswerForAnotherAttemptIsRefusedBeforeItsCodeIsUsed() throws Exception {
        OpenIdConnect.Endpoints endpoints = OpenIdConnect.discover(provider.issuer());
        OpenIdConnect.Attempt mine = OpenIdConnect.Attempt.fresh(CALLBACK);
        OpenIdConnect.Attempt planted = OpenIdConnect.Attempt.fresh(CALLBACK);
        URI answerToPlanted = answerTo(OpenIdConnect.authorizationAddress(endpoints, provider.clientId(), planted));

        RuleViolation refused = assertThrows(RuleViolation.class, () -> OpenIdConnect.finish(endpoints,
                provider.clientId(), provider.clientSecret(), mine, answerToPlanted));

        assertTrue(refused.getMessage().contains("does not belong to the sign-in started in this browser"),
                refused.getMessage());
        assertEquals(0, provider.refusedTokenRequests(), "the code was never sent to the provider");
    }

    @Test
    void aCodeWorksOnceAndAWrongSecretIsNamed() throws Exception {
        OpenIdConnect.Endpoints endpoints = OpenIdConnect.discover(provider.issuer());
        OpenIdConnect.Attempt attempt = OpenIdConnect.Attempt.fresh(CALLBACK);
        URI answer = answerTo(OpenIdConnect.authorizationAddress(endpoints, provider.clientId(), attempt));
        OpenIdConnect.finish(endpoints, provider.clientId(), provider.clientSecret(), attempt, answer);

        RuleViolation replayed = assertThrows(RuleViolation.class, () -> OpenIdConnect.finish(endpoints,
                provider.clientId(), provider.clientSecret(), attempt, answer));
        assertTrue(replayed.getMessage().startsWith("Your identity provider refused to complete the sign-in"),
                replayed.getMessage());

        RuleViolation wrongSecret = assertThrows(RuleViolation.class, () -> signIn(endpoints, "not the secret"));
        assertTrue(wrongSecret.getMessage().contains("check the client id and secret"), wrongSecret.getMessage());
        assertEquals(2, provider.refusedTokenRequests());
    }

    @Test
    void aProviderThatSignsNobodyInSaysWhy() throws Exception {
        OidcProvider nobody = OidcProvider.start("herald-test", "secret");
        try {
            OpenIdConnect.Endpoints endpoints = OpenIdConnect.discover(nobody.issuer());
            RuleViolation refused = assertThrows(RuleViolation.class, () -> {
                OpenIdConnect.Attempt attempt = OpenIdConnect.Attempt.fresh(CALLBACK);
                URI answer = answerTo(OpenIdConnect.authorizationAddress(endpoints, "herald-test", attempt));
                OpenIdConnect.finish(endpoints, "herald-test", "secret", attempt, answer);
            });
            assertTrue(refused.getMessage().startsWith("Your identity provider did not sign you in:"),
                    refused.getMessage());
        } finally {
            nobody.close();
        }
    }

    @Test
    void anIssuerThatNamesItselfOtherwiseOrDoesNotAnswerIsRefusedWhenSetUp() {
        RuleViolation renamed = assertThrows(RuleViolation.class,
                () -> OpenIdConnect.discover(provider.issuer().replace("127.0.0.1", "localhost")));
        assertTrue(renamed.getMessage().contains("the issuer must be exactly that"), renamed.getMessage());

        RuleViolation missing = assertThrows(RuleViolation.class,
                () -> OpenIdConnect.discover(provider.issuer() + "/nowhere"));
        assertTrue(missing.getMessage().contains("HTTP 404"), missing.getMessage());
    }

    @Test
    void aProviderInAPrivateRangeIsRefusedUnlessTheOperatorAllowsIt() {
        String allowed = System.getProperty("herald.outbound.allow", "");
        OutboundGuard.configure("");
        try {
            RuleViolation refused = assertThrows(RuleViolation.class, () -> OpenIdConnect.discover(provider.issuer()));
            assertEquals("Herald cannot reach that address.", refused.getMessage());
        } finally {
            OutboundGuard.configure(allowed);
        }
    }
}
