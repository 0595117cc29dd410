package app.herald.publishing.infrastructure;

import app.herald.content.domain.Network;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.net.OutboundRefused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The OAuth 2 authorization-code flow at each network that offers one: the address of its consent screen, the code
 * exchanged for tokens, and the account the tokens belong to, checked against the channel so that a person signed in
 * to the wrong account connects nothing. Every failure is a {@link RuleViolation} written for the person who signed
 * in, with the network's own reason; nothing here stores anything.
 */
@ApplicationScoped
public class OAuthProviders {

    /** The networks whose accounts are connected by signing in there. */
    public static final Set<Network> SIGN_IN = Set.copyOf(EnumSet.of(Network.X, Network.LINKEDIN, Network.FACEBOOK,
            Network.INSTAGRAM, Network.THREADS, Network.MASTODON));

    /** Meta's consent screens separate scopes with commas; the others follow RFC 6749 (spaces). */
    private static final Set<Network> COMMA_SCOPES = EnumSet.of(Network.FACEBOOK, Network.INSTAGRAM, Network.THREADS);
    /** A network's reason is shown to people: bounded, one line. */
    private static final int MAX_REASON = 300;

    /**
     * The platform's app at a network, or for Mastodon the app one server registered for this sign-in.
     *
     * @param apiBase the API the account is read from (a Mastodon server's own address)
     */
    public record App(Network network, String clientId, String clientSecret, String authorizeUrl, String tokenUrl,
                      String apiBase, List<String> scopes) {
        public App {
            scopes = List.copyOf(scopes);
        }
    }

    /**
     * What a sign-in gave.
     *
     * @param credentials the channel's new credentials (access_token, and where the network has them refresh_token,
     *                    expires_at in epoch seconds, account_id: the network's own id of the account to post as)
     * @param account     the account as people know it, for messages and the audit log
     */
    public record Grant(Map<String, String> credentials, String account) {
        public Grant {
            credentials = Map.copyOf(credentials);
        }
    }

    /** The app a Mastodon server registered for Herald. */
    public record Registered(String clientId, String clientSecret) {
    }

    private final Duration answerTimeout;
    private final MetaSignIn meta;

    public OAuthProviders() {
        this(NetworkCall.ANSWER_TIMEOUT);
    }

    OAuthProviders(Duration answerTimeout) {
        this.answerTimeout = answerTimeout;
        this.meta = new MetaSignIn(this);
    }

    /** How long a network may take to answer each request of a sign-in. */
    Duration answerTimeout() {
        return answerTimeout;
    }

    /** PKCE's S256 challenge: BASE64URL(SHA-256(ASCII(verifier))), without padding (RFC 7636, 4.2). */
    public static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Where to send the browser: the network's consent screen for this app, coming back to redirectUri. */
    public String authorizationUrl(App app, String state, String redirectUri, String codeVerifier) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", app.clientId());
        query.put("redirect_uri", redirectUri);
        query.put("scope", String.join(COMMA_SCOPES.contains(app.network()) ? "," : " ", app.scopes()));
        query.put("state", state);
        if (app.network() == Network.X) {
            // X requires PKCE; the verifier stays on the server until the code comes back.
            query.put("code_challenge", challenge(codeVerifier));
            query.put("code_challenge_method", "S256");
        }
        return app.authorizeUrl() + (app.authorizeUrl().contains("?") ? "&" : "?") + urlQuery(query);
    }

    /** Registers Herald at a Mastodon server (POST /api/v1/apps): each server is its own OAuth provider. */
    public Registered registerMastodonApp(String instance, String redirectUri, String website, List<String> scopes) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_name", "Herald");
        form.put("redirect_uris", redirectUri);
        form.put("scopes", String.join(" ", scopes));
        form.put("website", website);
        NetworkCall call = NetworkCall.send(NetworkCall.request(instance + "/api/v1/apps", answerTimeout)
                .header("Content-Type", Forms.CONTENT_TYPE).header("Accept", "application/json")
                .POST(Forms.body(form)).build());
        if (!call.succeeded()) {
            // The server is an address a person typed: whatever went wrong, the answer must not tell what lies
            // behind it (an open port, an internal service's error text).
            throw new OutboundRefused("registering at " + instance + " answered " + call.status());
        }
        JsonObject app = call.jsonObject().orElseThrow(() -> unreadable(Network.MASTODON));
        return new Registered(JsonPaths.text(app, "client_id").orElseThrow(() -> unreadable(Network.MASTODON)),
                JsonPaths.text(app, "client_secret").orElseThrow(() -> unreadable(Network.MASTODON)));
    }

    /**
     * Exchanges the code the network sent back for tokens and finds the account they give access to.
     *
     * @param handle the channel's handle: the account it must be (X, Threads, Mastodon), the page or Instagram
     *               account to pick among those the person manages (Facebook, Instagram), the author URN (LinkedIn)
     */
    public Grant exchange(App app, String code, String redirectUri, String codeVerifier, String handle) {
        JsonObject tokens = tokens(app, code, redirectUri, codeVerifier);
        String accessToken = JsonPaths.text(tokens, "access_token").orElseThrow(() -> unreadable(app.network()));
        return switch (app.network()) {
            case X -> x(app, tokens, accessToken, handle);
            case LINKEDIN -> new Grant(expiring(tokens, accessToken), handle);
            case FACEBOOK -> meta.facebookPage(app, accessToken, handle);
            case INSTAGRAM -> meta.instagramAccount(app, accessToken, handle);
            case THREADS -> meta.threadsAccount(app, accessToken, handle);
            case MASTODON -> mastodon(app, accessToken, handle);
            default -> throw new IllegalArgumentException(app.network() + " has no sign-in");
        };
    }

    /** The authorization-code grant (RFC 6749, 4.1.3). */
    private JsonObject tokens(App app, String code, String redirectUri, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        HttpRequest.Builder request = NetworkCall.request(app.tokenUrl(), answerTimeout)
                .header("Content-Type", Forms.CONTENT_TYPE).header("Accept", "application/json");
        if (app.network() == Network.X) {
            // X authenticates a confidential client with HTTP Basic, and checks the PKCE verifier.
            form.put("code_verifier", codeVerifier);
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (app.clientId() + ":" + app.clientSecret()).getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", app.clientId());
            form.put("client_secret", app.clientSecret());
            if (app.network() == Network.MASTODON) {
                form.put("scope", String.join(" ", app.scopes()));
            }
        }
        NetworkCall call = NetworkCall.send(request.POST(Forms.body(form)).build());
        if (!call.succeeded()) {
            throw refused(app.network(), call, "finish the sign-in");
        }
        return call.jsonObject().orElseThrow(() -> unreadable(app.network()));
    }

    /** X: the tokens expire in two hours and renew with the refresh token (offline.access); the account is /2/users/me. */
    private Grant x(App app, JsonObject tokens, String accessToken, String handle) {
        JsonObject me = getJson(Network.X, app.apiBase() + "/2/users/me", accessToken, "read the signed-in account");
        String id = JsonPaths.text(me, "data.id").orElseThrow(() -> unreadable(Network.X));
        String username = JsonPaths.text(me, "data.username").orElse(id);
        requireSameAccount(Network.X, handle, "@" + username, username, id);
        Map<String, String> credentials = expiring(tokens, accessToken);
        credentials.put("account_id", id);
        return new Grant(credentials, "@" + username);
    }

    /** Mastodon: tokens do not expire; verify_credentials names the account. */
    private Grant mastodon(App app, String accessToken, String handle) {
        JsonObject me = getJson(Network.MASTODON, app.apiBase() + "/api/v1/accounts/verify_credentials", accessToken,
                "read the signed-in account");
        String id = JsonPaths.text(me, "id").orElseThrow(() -> unreadable(Network.MASTODON));
        String username = JsonPaths.text(me, "username").orElse(id);
        requireSameAccount(Network.MASTODON, handle, "@" + username, username, id);
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("access_token", accessToken);
        credentials.put("account_id", id);
        return new Grant(credentials, "@" + JsonPaths.text(me, "acct").orElse(username));
    }

    /** access_token, and refresh_token and expires_at where the answer has them. */
    static Map<String, String> expiring(JsonObject tokens, String accessToken) {
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("access_token", accessToken);
        JsonPaths.text(tokens, "refresh_token").ifPresent(t -> credentials.put("refresh_token", t));
        JsonPaths.number(tokens, "expires_in").filter(s -> s > 0)
                .ifPresent(s -> credentials.put("expires_at", String.valueOf(Instant.now().getEpochSecond() + s)));
        return credentials;
    }

    /** A GET with the user's bearer token whose answer must be a JSON object. */
    JsonObject getJson(Network network, String url, String token, String doing) {
        NetworkCall call = NetworkCall.send(NetworkCall.request(url, answerTimeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build());
        if (!call.succeeded()) {
            throw refused(network, call, doing);
        }
        return call.jsonObject().orElseThrow(() -> unreadable(network));
    }

    /** A GET whose parameters (client secret, short-lived token) are in the query, as Meta's token exchanges want. */
    JsonObject getJson(Network network, String url, Map<String, String> query, String doing) {
        NetworkCall call = NetworkCall.send(NetworkCall.request(url + (url.contains("?") ? "&" : "?")
                + urlQuery(query), answerTimeout).header("Accept", "application/json").GET().build());
        if (!call.succeeded()) {
            throw refused(network, call, doing);
        }
        return call.jsonObject().orElseThrow(() -> unreadable(network));
    }

    /**
     * Refuses a sign-in to another account than the channel's: the tokens would post as that account.
     *
     * @param names what the account may be called in a handle: username, id
     */
    static void requireSameAccount(Network network, String handle, String shown, String... names) {
        String wanted = bareHandle(handle);
        for (String name : names) {
            if (name != null && name.equalsIgnoreCase(wanted)) {
                return;
            }
        }
        throw new RuleViolation("You signed in to " + network.label() + " as " + shown + ", but this channel is "
                + handle + ". Nothing was changed: sign in as " + handle + " (switch accounts at " + network.label()
                + " first), or add a channel for " + shown + ".");
    }

    /** "@acme" and "@acme@mastodon.social" are the account "acme". */
    static String bareHandle(String handle) {
        String bare = handle == null ? "" : handle.strip();
        bare = bare.startsWith("@") ? bare.substring(1) : bare;
        int server = bare.indexOf('@');
        return (server > 0 ? bare.substring(0, server) : bare).toLowerCase(Locale.ROOT);
    }

    static RuleViolation refused(Network network, NetworkCall call, String doing) {
        if (!call.answered()) {
            return new RuleViolation("Herald could not reach " + network.label() + " to " + doing
                    + ". Nothing was changed: try again in a minute.");
        }
        return new RuleViolation(network.label() + " refused to " + doing + " (" + reason(call)
                + "). Nothing was changed: start the sign-in again.");
    }

    static RuleViolation unreadable(Network network) {
        return new RuleViolation(network.label() + " answered the sign-in in a way Herald could not read. Nothing was "
                + "changed: try again, and tell the platform admin if it keeps happening.");
    }

    /**
     * The network's reason from its error body: OAuth's {"error", "error_description"}, Meta's {"error": {"message"}},
     * LinkedIn's {"message"}, X's problem details {"detail"}; else the HTTP status.
     */
    static String reason(NetworkCall call) {
        Optional<JsonObject> body = call.jsonObject();
        Optional<String> code = body.flatMap(o -> JsonPaths.text(o, "error"));
        Optional<String> said = body.flatMap(o -> JsonPaths.text(o, "error_description")
                .or(() -> JsonPaths.text(o, "error.message"))
                .or(() -> JsonPaths.text(o, "message"))
                .or(() -> JsonPaths.text(o, "detail")));
        String reason = code.map(c -> said.map(s -> c + ": " + s).orElse(c))
                .or(() -> said).orElse("HTTP " + call.status());
        return oneLine(reason);
    }

    /** Text from a network, fit to show: no control characters, bounded. */
    static String oneLine(String text) {
        String clean = text.replaceAll("\\p{Cntrl}+", " ").strip();
        return clean.length() <= MAX_REASON ? clean : clean.substring(0, MAX_REASON) + "…";
    }

    /** A query string with spaces as %20: some consent screens do not read "+" in scope lists as a space. */
    static String urlQuery(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> Forms.encode(e.getKey()) + "=" + Forms.encode(e.getValue()).replace("+", "%20"))
                .collect(Collectors.joining("&"));
    }
}
