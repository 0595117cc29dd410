package app.herald.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * An OpenID Connect provider on loopback for the single sign-on tests: the authorization code flow with PKCE (S256)
 * only, one confidential client, and a person who consents without being asked. It is written against the specs
 * (OpenID Connect Core and Discovery, RFC 6749, RFC 7636) with the JDK and Nimbus JOSE alone, not with the OAuth SDK
 * Herald itself uses, so that a mistake shared by Herald and that SDK cannot pass unnoticed.
 *
 * <p>The issuer has a path, as Keycloak's realms do, so discovery only works if Herald appends
 * {@code /.well-known/openid-configuration} to the issuer rather than putting it at the host's root.
 */
public final class OidcProvider implements AutoCloseable {

    /** What is wrong with the next ID token, each being a token a relying party must refuse. */
    public enum Spoiled { NONE, WRONG_AUDIENCE, WRONG_ISSUER, WRONG_NONCE, EXPIRED, FOREIGN_KEY, UNSIGNED }

    private static final String REALM_PATH = "/realms/agency";
    private static final Duration CODE_LIFETIME = Duration.ofSeconds(60);
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);
    /** RFC 7636 4.1: what a code verifier may be made of, and how long it is. */
    private static final Pattern CODE_VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    /** An S256 challenge is a SHA-256 digest in unpadded base64url: always 43 characters. */
    private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private record Person(String subject, String email, boolean emailVerified, String name) {
    }

    /** What an authorization code stands for, until it is redeemed or expires. */
    private record Grant(String clientId, String redirectUri, String nonce, String codeChallenge, Person person,
            Instant authenticatedAt) {
        boolean expired(Instant now) {
            return now.isAfter(authenticatedAt.plus(CODE_LIFETIME));
        }
    }

    /** A refused request, answered with RFC 6749's error object (5.2) or, at the authorization endpoint, plain text. */
    private static final class Refusal extends Exception {
        private final int status;
        private final String error;

        Refusal(int status, String error, String description) {
            super(description, null, false, false);
            this.status = status;
            this.error = error;
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final HttpServer server;
    private final ExecutorService threads;
    private final String clientId;
    private final String clientSecret;
    private final RSAKey signingKey;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Set<String> redeemedCodes = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Spoiled> nextSpoiling = new AtomicReference<>(Spoiled.NONE);
    private final AtomicInteger refusedTokenRequests = new AtomicInteger();
    private volatile Person signedIn;
    private volatile Map<String, String> lastAuthorization = Map.of();

    private OidcProvider(String clientId, String clientSecret) throws IOException {
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
        this.signingKey = newSigningKey(randomToken(12));
        // 127.0.0.1 rather than the loopback address the JVM prefers, which may be ::1: the issuer names this host.
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 50);
        // A browser opens several connections at once; a single thread would make them queue behind each other.
        threads = Executors.newFixedThreadPool(4, work -> {
            Thread thread = new Thread(work, "oidc-provider");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext(REALM_PATH + "/", this::handle);
        server.start();
    }

    /** A provider for one client, listening on 127.0.0.1 at a port of the system's choosing. */
    public static OidcProvider start(String clientId, String clientSecret) {
        try {
            return new OidcProvider(clientId, clientSecret);
        } catch (IOException e) {
            throw new IllegalStateException("The OpenID provider could not listen on loopback", e);
        }
    }

    /** http://127.0.0.1:port/realms/agency, without a trailing slash. */
    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** The person who signs in (consents automatically) at the next authorization requests, until changed. */
    public void signsIn(String subject, String email, boolean emailVerified, String name) {
        signedIn = new Person(Objects.requireNonNull(subject, "subject"), email, emailVerified, name);
    }

    /** How the next ID token issued (one only) is spoiled; NONE afterwards. */
    public void spoilNextToken(Spoiled how) {
        nextSpoiling.set(Objects.requireNonNull(how, "how"));
    }

    /**
     * The query parameters of the latest authorization request (for asserting PKCE S256, state, nonce, scope). Every
     * request is recorded, the ones refused as well, so that a test can show what Herald sent when it was refused.
     */
    public Map<String, String> lastAuthorization() {
        return lastAuthorization;
    }

    /**
     * How many token requests were refused (bad client secret, wrong code, PKCE mismatch, redirect mismatch, reused
     * code).
     */
    public int refusedTokenRequests() {
        return refusedTokenRequests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String endpoint = exchange.getRequestURI().getPath().substring(REALM_PATH.length());
            try {
                switch (endpoint) {
                    case "/.well-known/openid-configuration" -> onlyGet(exchange, () -> json(exchange, 200,
                            discovery()));
                    case "/jwks" -> onlyGet(exchange, () -> json(exchange, 200,
                            new JWKSet(signingKey.toPublicJWK()).toString()));
                    case "/authorize" -> onlyGet(exchange, () -> authorize(exchange));
                    case "/token" -> token(exchange);
                    default -> text(exchange, 404, "No such endpoint: " + exchange.getRequestURI().getPath());
                }
            } catch (RuntimeException e) {
                // Otherwise the server drops the connection unanswered: a test would see a network error, not the bug.
                text(exchange, 500, "The provider failed: " + e);
            }
        }
    }

    private interface Answering {
        void answer() throws IOException;
    }

    private static void onlyGet(HttpExchange exchange, Answering answering) throws IOException {
        if (exchange.getRequestMethod().equals("GET")) {
            answering.answer();
        } else {
            exchange.getResponseHeaders().set("Allow", "GET");
            text(exchange, 405, "Only GET here");
        }
    }

    private String discovery() {
        String issuer = issuer();
        return Json.createObjectBuilder()
                .add("issuer", issuer)
                .add("authorization_endpoint", issuer + "/authorize")
                .add("token_endpoint", issuer + "/token")
                .add("jwks_uri", issuer + "/jwks")
                .add("response_types_supported", Json.createArrayBuilder().add("code"))
                .add("subject_types_supported", Json.createArrayBuilder().add("public"))
                .add("id_token_signing_alg_values_supported", Json.createArrayBuilder().add("RS256"))
                .add("code_challenge_methods_supported", Json.createArrayBuilder().add("S256"))
                .add("token_endpoint_auth_methods_supported",
                        Json.createArrayBuilder().add("client_secret_basic").add("client_secret_post"))
                .add("scopes_supported", Json.createArrayBuilder().add("openid").add("email").add("profile"))
                .add("grant_types_supported", Json.createArrayBuilder().add("authorization_code"))
                .build().toString();
    }

    /**
     * A request the provider cannot trust (unknown client, unusable redirect URI) must not be redirected anywhere
     * (RFC 6749 4.1.2.1), and a test learns more from a reason on screen, so every malformed request gets a 400 here.
     */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> request;
        try {
            request = parameters(exchange.getRequestURI().getRawQuery());
        } catch (Refusal refusal) {
            text(exchange, 400, refusal.getMessage());
            return;
        }
        lastAuthorization = Map.copyOf(request);
        try {
            checkAuthorization(request);
        } catch (Refusal refusal) {
            text(exchange, 400, refusal.getMessage());
            return;
        }
        String redirectUri = request.get("redirect_uri");
        Map<String, String> response = new LinkedHashMap<>();
        Person person = signedIn;
        if (person == null) {
            response.put("error", "access_denied");
            response.put("error_description", "Nobody signed in at the provider");
        } else {
            String code = randomToken(32);
            grants.put(code, new Grant(request.get("client_id"), redirectUri, request.get("nonce"),
                    request.get("code_challenge"), person, Instant.now().truncatedTo(ChronoUnit.SECONDS)));
            response.put("code", code);
        }
        response.put("state", request.get("state"));
        exchange.getResponseHeaders().set("Location", appendQuery(redirectUri, response));
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(302, -1);
    }

    private void checkAuthorization(Map<String, String> request) throws Refusal {
        if (!"code".equals(request.get("response_type"))) {
            throw badAuthorization("response_type must be code, was " + request.get("response_type"));
        }
        if (!clientId.equals(request.get("client_id"))) {
            throw badAuthorization("Unknown client_id " + request.get("client_id"));
        }
        String redirectUri = request.get("redirect_uri");
        if (redirectUri == null) {
            throw badAuthorization("redirect_uri is missing");
        }
        try {
            URI uri = new URI(redirectUri);
            // RFC 6749 3.1.2: absolute, and without a fragment the code would be appended after.
            if (!uri.isAbsolute() || uri.getRawFragment() != null) {
                throw badAuthorization("redirect_uri must be absolute and without a fragment: " + redirectUri);
            }
        } catch (URISyntaxException e) {
            throw badAuthorization("redirect_uri is not a URI: " + redirectUri);
        }
        String scope = request.getOrDefault("scope", "");
        if (!Arrays.asList(scope.split(" ")).contains("openid")) {
            throw badAuthorization("scope must contain openid, was " + scope);
        }
        if (isBlank(request.get("state"))) {
            throw badAuthorization("state is missing (a client without it is open to login CSRF)");
        }
        if (isBlank(request.get("nonce"))) {
            throw badAuthorization("nonce is missing (a client without it cannot detect a replayed ID token)");
        }
        if (isBlank(request.get("code_challenge"))) {
            throw badAuthorization("code_challenge is missing (PKCE is required)");
        }
        if (!"S256".equals(request.get("code_challenge_method"))) {
            throw badAuthorization("code_challenge_method must be S256, was " + request.get("code_challenge_method"));
        }
        if (!S256_CHALLENGE.matcher(request.get("code_challenge")).matches()) {
            throw badAuthorization("code_challenge is not an unpadded base64url SHA-256 digest");
        }
    }

    private static Refusal badAuthorization(String reason) {
        return new Refusal(400, "invalid_request", reason);
    }

    private void token(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        try {
            String idToken = redeem(exchange, body);
            String answer = Json.createObjectBuilder()
                    .add("access_token", randomToken(32))
                    .add("token_type", "Bearer")
                    .add("expires_in", TOKEN_LIFETIME.toSeconds())
                    .add("id_token", idToken)
                    .build().toString();
            tokenJson(exchange, 200, answer);
        } catch (Refusal refusal) {
            refusedTokenRequests.incrementAndGet();
            JsonObject error = Json.createObjectBuilder()
                    .add("error", refusal.error)
                    .add("error_description", refusal.getMessage())
                    .build();
            if (refusal.status == 405) {
                exchange.getResponseHeaders().set("Allow", "POST");
            }
            if (refusal.status == 401) {
                // RFC 6749 5.2: a client that failed to authenticate is told which scheme to use.
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"agency\"");
            }
            tokenJson(exchange, refusal.status, error.toString());
        }
    }

    /** Checks a token request in the order RFC 6749 4.1.3 gives, and returns the ID token it earns. */
    private String redeem(HttpExchange exchange, byte[] body) throws Refusal {
        if (!exchange.getRequestMethod().equals("POST")) {
            throw new Refusal(405, "invalid_request", "The token endpoint only takes POST");
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.split(";")[0].trim().toLowerCase(Locale.ROOT)
                .equals("application/x-www-form-urlencoded")) {
            throw new Refusal(400, "invalid_request", "The body must be application/x-www-form-urlencoded, was "
                    + contentType);
        }
        Map<String, String> form = parameters(new String(body, StandardCharsets.US_ASCII));
        String client = authenticateClient(exchange.getRequestHeaders().getFirst("Authorization"), form);

        String grantType = form.get("grant_type");
        if (grantType == null) {
            throw new Refusal(400, "invalid_request", "grant_type is missing");
        }
        if (!grantType.equals("authorization_code")) {
            throw new Refusal(400, "unsupported_grant_type", "Only authorization_code is supported, not " + grantType);
        }
        String code = form.get("code");
        if (isBlank(code)) {
            throw new Refusal(400, "invalid_request", "code is missing");
        }
        // Removed at the first attempt, whatever its outcome: a code is good for one redemption (RFC 6749 4.1.2).
        Grant grant = grants.remove(code);
        if (grant == null) {
            throw new Refusal(400, "invalid_grant", redeemedCodes.contains(code)
                    ? "The code was already used" : "Unknown code");
        }
        redeemedCodes.add(code);
        if (grant.expired(Instant.now())) {
            throw new Refusal(400, "invalid_grant", "The code expired");
        }
        if (!grant.clientId().equals(client)) {
            throw new Refusal(400, "invalid_grant", "The code was issued to another client");
        }
        if (!grant.redirectUri().equals(form.get("redirect_uri"))) {
            throw new Refusal(400, "invalid_grant", "redirect_uri " + form.get("redirect_uri")
                    + " differs from the authorization's " + grant.redirectUri());
        }
        String verifier = form.get("code_verifier");
        if (verifier == null || !CODE_VERIFIER.matcher(verifier).matches()) {
            throw new Refusal(400, "invalid_grant", "code_verifier is missing or not 43 to 128 unreserved characters");
        }
        if (!MessageDigest.isEqual(s256(verifier).getBytes(StandardCharsets.US_ASCII),
                grant.codeChallenge().getBytes(StandardCharsets.US_ASCII))) {
            throw new Refusal(400, "invalid_grant", "code_verifier does not match the code_challenge (PKCE)");
        }
        return idToken(grant);
    }

    /**
     * client_secret_basic or client_secret_post, one of them only (RFC 6749 2.3). In the Basic header both parts are
     * form-url-encoded before being joined (2.3.1), a detail clients get wrong with secrets holding {@code :} or
     * {@code +}, which is why the tests' secrets may hold them.
     */
    private String authenticateClient(String authorization, Map<String, String> form) throws Refusal {
        String id;
        String secret;
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (form.containsKey("client_secret")) {
                throw new Refusal(400, "invalid_request", "The client authenticated both by Basic and by the form");
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new Refusal(401, "invalid_client", "The Basic credentials are not base64");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new Refusal(401, "invalid_client", "The Basic credentials have no colon");
            }
            try {
                id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
                secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new Refusal(401, "invalid_client", "The Basic credentials are not form-url-encoded");
            }
            if (form.containsKey("client_id") && !form.get("client_id").equals(id)) {
                throw new Refusal(400, "invalid_request", "client_id in the form differs from the Basic credentials");
            }
        } else if (authorization != null) {
            throw new Refusal(401, "invalid_client", "Unsupported client authentication: " + authorization);
        } else {
            id = form.get("client_id");
            secret = form.get("client_secret");
            if (id == null || secret == null) {
                throw new Refusal(401, "invalid_client", "No client authentication");
            }
        }
        if (!clientId.equals(id) || !MessageDigest.isEqual(clientSecret.getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8))) {
            throw new Refusal(401, "invalid_client", "Unknown client or wrong secret");
        }
        return id;
    }

    private String idToken(Grant grant) {
        Spoiled spoiled = nextSpoiling.getAndSet(Spoiled.NONE);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant issuedAt = spoiled == Spoiled.EXPIRED ? now.minus(Duration.ofMinutes(20)) : now;
        Instant expiresAt = spoiled == Spoiled.EXPIRED ? now.minus(Duration.ofMinutes(10)) : now.plus(TOKEN_LIFETIME);
        Person person = grant.person();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                // Another realm on the same host: the mix-up a shared provider makes possible.
                .issuer(spoiled == Spoiled.WRONG_ISSUER ? issuer().replace(REALM_PATH, "/realms/elsewhere") : issuer())
                .subject(person.subject())
                // A single audience is written as a string, as most providers do and as Herald must accept.
                .audience(spoiled == Spoiled.WRONG_AUDIENCE ? "another-client" : grant.clientId())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .claim("auth_time", grant.authenticatedAt().getEpochSecond())
                .claim("nonce", spoiled == Spoiled.WRONG_NONCE ? randomToken(16) : grant.nonce())
                .claim("email_verified", person.emailVerified());
        if (person.email() != null) {
            claims.claim("email", person.email());
        }
        if (person.name() != null) {
            claims.claim("name", person.name());
        }
        if (spoiled == Spoiled.UNSIGNED) {
            return new PlainJWT(claims.build()).serialize();
        }
        // The impostor's key claims the genuine kid, so only the signature check (not the key lookup) can catch it.
        RSAKey key = spoiled == Spoiled.FOREIGN_KEY ? newSigningKey(signingKey.getKeyID()) : signingKey;
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims.build());
        try {
            token.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return token.serialize();
    }

    private static RSAKey newSigningKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 7636 4.2: BASE64URL(SHA256(ASCII(code_verifier))), without padding. */
    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Query or form parameters; one given twice is refused (RFC 6749 3.1, 3.2): it could mean two different things. */
    private static Map<String, String> parameters(String raw) throws Refusal {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new Refusal(400, "invalid_request", "Badly encoded parameter: " + pair);
            }
            if (values.put(name, value) != null) {
                throw new Refusal(400, "invalid_request", "Parameter given more than once: " + name);
            }
        }
        return values;
    }

    /** The redirect URI's own query parameters are kept (RFC 6749 3.1.2), the response's follow them. */
    private static String appendQuery(String uri, Map<String, String> parameters) {
        StringBuilder target = new StringBuilder(uri);
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (target.indexOf("?") < 0) {
                target.append('?');
            } else if (target.charAt(target.length() - 1) != '?' && target.charAt(target.length() - 1) != '&') {
                target.append('&');
            }
            target.append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
        }
        return target.toString();
    }

    private String randomToken(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Tokens, and errors about them, must not be kept by any cache in between (RFC 6749 5.1). */
    private static void tokenJson(HttpExchange exchange, int status, String json) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Pragma", "no-cache");
        json(exchange, status, json);
    }

    private static void json(HttpExchange exchange, int status, String json) throws IOException {
        send(exchange, status, "application/json", json);
    }

    private static void text(HttpExchange exchange, int status, String text) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", text);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String content) throws IOException {
        byte[] body = content.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
