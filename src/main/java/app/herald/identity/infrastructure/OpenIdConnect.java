package app.herald.identity.infrastructure;

import app.herald.identity.domain.ProvenIdentity;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.net.OutboundHttp;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.AuthenticationSuccessResponse;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderConfigurationRequest;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The OpenID Connect authorization code flow with PKCE, state and nonce, as a client of an agency's provider. Nimbus
 * writes and reads the protocol's messages and checks the ID token (signature against the provider's published keys,
 * exact issuer, audience, nonce, lifetime); every call goes out through Herald's outbound guard, without following
 * redirects.
 */
public final class OpenIdConnect {

    private static final Logger LOG = Logger.getLogger(OpenIdConnect.class.getName());
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    /** Only keys a provider publishes prove a token: no shared-secret or unsigned tokens. */
    private static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.Ed25519, JWSAlgorithm.EdDSA);

    /** A provider's endpoints as its discovery document lists them. */
    public record Endpoints(String issuer, URI authorization, URI token, URI keys, List<String> algorithms)
            implements Serializable {
    }

    /** One sign-in under way: what the provider must send back, and what proves the code was asked for here. */
    public record Attempt(String state, String nonce, String codeVerifier, URI redirect) implements Serializable {

        public static Attempt fresh(URI redirect) {
            return new Attempt(new State().getValue(), new Nonce().getValue(), new CodeVerifier().getValue(), redirect);
        }
    }

    private OpenIdConnect() {
    }

    /** Reads the provider's discovery document, which must name the very issuer configured. */
    public static Endpoints discover(String issuer) {
        URI address = new OIDCProviderConfigurationRequest(new Issuer(issuer)).getEndpointURI();
        String body = get(address, "settings");
        OIDCProviderMetadata metadata;
        try {
            metadata = OIDCProviderMetadata.parse(body);
        } catch (ParseException e) {
            LOG.info(() -> "Unreadable discovery document at " + address + ": " + e.getMessage());
            throw new RuleViolation("The identity provider's settings at " + address + " are not an OpenID Connect "
                    + "discovery document.");
        }
        if (!issuer.equals(metadata.getIssuer().getValue())) {
            throw new RuleViolation("The provider at " + address + " names itself \"" + metadata.getIssuer().getValue()
                    + "\": the issuer must be exactly that.");
        }
        if (metadata.getAuthorizationEndpointURI() == null || metadata.getTokenEndpointURI() == null
                || metadata.getJWKSetURI() == null) {
            throw new RuleViolation("The identity provider's settings at " + address + " lack an authorization, token "
                    + "or key set address.");
        }
        List<String> algorithms = metadata.getIDTokenJWSAlgs() == null ? List.of()
                : metadata.getIDTokenJWSAlgs().stream().filter(ASYMMETRIC::contains).map(JWSAlgorithm::getName).toList();
        return new Endpoints(issuer, metadata.getAuthorizationEndpointURI(), metadata.getTokenEndpointURI(),
                metadata.getJWKSetURI(), algorithms.isEmpty() ? List.of(JWSAlgorithm.RS256.getName()) : algorithms);
    }

    /** Where to send the person: the provider's sign-in, asking for a code bound to this attempt. */
    public static URI authorizationAddress(Endpoints provider, String clientId, Attempt attempt) {
        return new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "email", "profile"),
                new ClientID(clientId), attempt.redirect())
                .endpointURI(provider.authorization())
                .state(new State(attempt.state()))
                .nonce(new Nonce(attempt.nonce()))
                .codeChallenge(new CodeVerifier(attempt.codeVerifier()), CodeChallengeMethod.S256)
                .build().toURI();
    }

    /**
     * The provider's answer at Herald's callback (the full address it came back to), turned into a proven identity:
     * the state must be this attempt's, the code is exchanged with the client secret and the PKCE verifier, and the
     * ID token must pass every check.
     */
    public static ProvenIdentity finish(Endpoints provider, String clientId, String clientSecret, Attempt attempt,
                                        URI callback) {
        AuthenticationResponse response;
        try {
            response = AuthenticationResponseParser.parse(callback);
        } catch (ParseException e) {
            throw new RuleViolation("Herald could not read your identity provider's answer. Start again.");
        }
        if (response.getState() == null || !attempt.state().equals(response.getState().getValue())) {
            throw new RuleViolation("This answer does not belong to the sign-in started in this browser. Start again.");
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            throw new RuleViolation("Your identity provider did not sign you in: " + described(error));
        }
        AuthenticationSuccessResponse success = response.toSuccessResponse();
        if (success.getIssuer() != null && !provider.issuer().equals(success.getIssuer().getValue())) {
            // RFC 9207: an answer from another provider, mixed up by the browser or by an attacker.
            throw new RuleViolation("The answer came from another identity provider. Start again.");
        }
        AuthorizationCode code = success.getAuthorizationCode();
        if (code == null) {
            throw new RuleViolation("Your identity provider sent no code. Start again.");
        }
        JWT idToken = exchange(provider, clientId, clientSecret, attempt, code);
        IDTokenClaimsSet claims = validated(provider, clientId, attempt, idToken);
        Object verified = claims.getClaim("email_verified");
        return new ProvenIdentity(provider.issuer(), claims.getSubject().getValue(), claims.getStringClaim("email"),
                Boolean.TRUE.equals(verified) || "true".equals(verified), claims.getStringClaim("name"));
    }

    private static JWT exchange(Endpoints provider, String clientId, String clientSecret, Attempt attempt,
                                AuthorizationCode code) {
        HTTPRequest request = new TokenRequest(provider.token(),
                new ClientSecretBasic(new ClientID(clientId), new Secret(clientSecret)),
                new AuthorizationCodeGrant(code, attempt.redirect(), new CodeVerifier(attempt.codeVerifier())))
                .toHTTPRequest();
        HttpRequest.Builder call = OutboundHttp.request(request.getURI(), ANSWER_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(request.getBody()));
        for (Map.Entry<String, List<String>> header : request.getHeaderMap().entrySet()) {
            header.getValue().forEach(value -> call.header(header.getKey(), value));
        }
        HttpResponse<String> answer = send(call.build(), "token");
        TokenResponse tokens;
        try {
            HTTPResponse read = new HTTPResponse(answer.statusCode());
            answer.headers().firstValue("Content-Type").ifPresent(type -> {
                try {
                    read.setContentType(type);
                } catch (ParseException e) {
                    // Left unset: the parser then says the answer is no JSON.
                }
            });
            read.setBody(answer.body());
            tokens = OIDCTokenResponseParser.parse(read);
        } catch (ParseException e) {
            LOG.info(() -> "Unreadable token response from " + provider.token() + ": " + e.getMessage());
            throw new RuleViolation("Your identity provider's answer to Herald (HTTP " + answer.statusCode()
                    + ") could not be read. Start again.");
        }
        if (!tokens.indicatesSuccess()) {
            throw new RuleViolation("Your identity provider refused to complete the sign-in: "
                    + described(tokens.toErrorResponse().getErrorObject())
                    + " If this keeps happening, an owner should check the client id and secret under Single sign-on.");
        }
        if (!(tokens.toSuccessResponse() instanceof OIDCTokenResponse oidc) || oidc.getOIDCTokens().getIDToken() == null) {
            throw new RuleViolation("Your identity provider sent no ID token: is it an OpenID Connect provider?");
        }
        return oidc.getOIDCTokens().getIDToken();
    }

    private static IDTokenClaimsSet validated(Endpoints provider, String clientId, Attempt attempt, JWT idToken) {
        JWKSet keys;
        try {
            keys = JWKSet.parse(get(provider.keys(), "keys"));
        } catch (java.text.ParseException e) {
            throw new RuleViolation("Your identity provider's key set at " + provider.keys() + " could not be read.");
        }
        Set<JWSAlgorithm> algorithms = new HashSet<>();
        provider.algorithms().forEach(name -> algorithms.add(JWSAlgorithm.parse(name)));
        IDTokenValidator validator = new IDTokenValidator(new Issuer(provider.issuer()), new ClientID(clientId),
                new JWSVerificationKeySelector<SecurityContext>(algorithms, new ImmutableJWKSet<>(keys)), null);
        try {
            return validator.validate(idToken, new Nonce(attempt.nonce()));
        } catch (BadJOSEException | JOSEException e) {
            LOG.warning(() -> "ID token from " + provider.issuer() + " refused: " + e.getMessage());
            throw new RuleViolation("Herald refused your identity provider's answer: " + e.getMessage() + ".");
        }
    }

    private static String get(URI address, String what) {
        HttpResponse<String> answer = send(OutboundHttp.request(address, ANSWER_TIMEOUT)
                .header("Accept", "application/json").GET().build(), what);
        if (answer.statusCode() != 200) {
            throw new RuleViolation("The identity provider answered HTTP " + answer.statusCode() + " at " + address
                    + " (its " + what + ").");
        }
        return answer.body();
    }

    private static HttpResponse<String> send(HttpRequest request, String what) {
        try {
            return OutboundHttp.send(request);
        } catch (HttpTimeoutException e) {
            throw new RuleViolation("The identity provider did not answer within " + ANSWER_TIMEOUT.toSeconds()
                    + " s (its " + what + " at " + request.uri().getHost() + ").");
        } catch (IOException e) {
            throw new RuleViolation("Herald could not reach the identity provider at " + request.uri().getHost()
                    + " (its " + what + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuleViolation("Herald stopped while waiting for the identity provider.");
        }
    }

    private static String described(ErrorObject error) {
        String description = error.getDescription();
        return (description == null || description.isBlank() ? error.getCode() : description) + ".";
    }
}
