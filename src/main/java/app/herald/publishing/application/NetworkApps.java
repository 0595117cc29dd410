package app.herald.publishing.application;

import app.herald.content.domain.Network;
import app.herald.kernel.Remembered;
import app.herald.publishing.infrastructure.OAuthProviders;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The platform's registered app at each network, from configuration: {@code herald.network.<network>.api-base},
 * {@code .client-id}, {@code .client-secret}, {@code .token-url}, {@code .authorize-url}, {@code .scopes}
 * (environment: {@code HERALD_NETWORK_X_CLIENT_ID}, ...). Addresses default to the networks' public ones and are
 * configurable so that a test or a proxy can stand in. Mastodon has no platform app: Herald registers itself at each
 * server when someone signs in there.
 */
@ApplicationScoped
public class NetworkApps {

    private static final Map<Network, String> DEFAULT_API = Map.of(
            Network.X, "https://api.x.com",
            Network.LINKEDIN, "https://api.linkedin.com",
            Network.FACEBOOK, "https://graph.facebook.com/v21.0",
            Network.INSTAGRAM, "https://graph.facebook.com/v21.0",
            Network.THREADS, "https://graph.threads.net/v1.0",
            Network.BLUESKY, "https://bsky.social");

    private static final Map<Network, String> DEFAULT_TOKEN_URL = Map.of(
            Network.X, "https://api.x.com/2/oauth2/token",
            Network.LINKEDIN, "https://www.linkedin.com/oauth/v2/accessToken",
            Network.FACEBOOK, "https://graph.facebook.com/v21.0/oauth/access_token",
            Network.INSTAGRAM, "https://graph.facebook.com/v21.0/oauth/access_token",
            Network.THREADS, "https://graph.threads.net/oauth/access_token");

    private static final Map<Network, String> DEFAULT_AUTHORIZE_URL = Map.of(
            Network.X, "https://x.com/i/oauth2/authorize",
            Network.LINKEDIN, "https://www.linkedin.com/oauth/v2/authorization",
            Network.FACEBOOK, "https://www.facebook.com/v21.0/dialog/oauth",
            Network.INSTAGRAM, "https://www.facebook.com/v21.0/dialog/oauth",
            Network.THREADS, "https://threads.net/oauth/authorize");

    /**
     * What each network documents for publishing, reading metrics and working the inbox (reading comments, mentions
     * and messages, answering, hiding and liking). A channel connected with fewer permissions publishes as before and
     * shows "reconnect to enable the inbox".
     */
    private static final Map<Network, String> DEFAULT_SCOPES = Map.of(
            Network.X, "tweet.read tweet.write users.read offline.access media.write tweet.moderate.write like.write",
            Network.LINKEDIN, "w_organization_social r_organization_social rw_organization_admin",
            Network.FACEBOOK, "pages_manage_posts pages_read_engagement pages_show_list read_insights "
                    + "pages_read_user_content pages_manage_engagement pages_messaging pages_manage_metadata",
            Network.INSTAGRAM, "instagram_basic instagram_content_publish instagram_manage_insights pages_show_list "
                    + "pages_read_engagement business_management instagram_manage_comments",
            Network.THREADS, "threads_basic threads_content_publish threads_manage_insights threads_read_replies "
                    + "threads_manage_replies threads_manage_mentions",
            Network.MASTODON, "read write:statuses write:media write:favourites");
    /** A member's own LinkedIn profile posts with the member permission, not the organization ones. */
    private static final String LINKEDIN_PERSON_SCOPES = "w_member_social";

    private static final List<String> SETTINGS = List.of("api-base", "client-id", "client-secret", "token-url",
            "authorize-url", "scopes");

    @Resource
    TransactionSynchronizationRegistry transactions;

    private Remembered<Map<String, String>> settings;

    @PostConstruct
    void remember() {
        settings = new Remembered<>(NetworkApps::configured, Duration.ofSeconds(1), transactions);
    }

    public String apiBase(Network network) {
        return value(network, "api-base").orElse(DEFAULT_API.getOrDefault(network, ""));
    }

    /** The app's credentials as connectors read them: app_client_id, app_client_secret, app_token_url. */
    public Map<String, String> appCredentials(Network network) {
        Map<String, String> app = new HashMap<>();
        value(network, "client-id").ifPresent(v -> app.put("app_client_id", v));
        value(network, "client-secret").ifPresent(v -> app.put("app_client_secret", v));
        Optional.ofNullable(value(network, "token-url").orElse(DEFAULT_TOKEN_URL.get(network)))
                .ifPresent(v -> app.put("app_token_url", v));
        return app;
    }

    /** Whether people can sign in at the network: Mastodon always, the others once the platform's app is set. */
    public boolean isConfigured(Network network) {
        return network == Network.MASTODON || missingKeys(network).isEmpty();
    }

    /** The configuration keys the platform admin still has to set for sign-in at the network. */
    public List<String> missingKeys(Network network) {
        List<String> missing = new ArrayList<>();
        if (network == Network.MASTODON) {
            return missing;
        }
        for (String key : List.of("client-id", "client-secret")) {
            if (value(network, key).isEmpty()) {
                missing.add(key(network, key));
            }
        }
        return missing;
    }

    /**
     * The platform's app at the network, for signing in as the channel's account.
     *
     * @param handle the channel's handle: a LinkedIn person (urn:li:person:...) asks for the member permission
     */
    public OAuthProviders.App oauthApp(Network network, String handle) {
        return new OAuthProviders.App(network, value(network, "client-id").orElse(""),
                value(network, "client-secret").orElse(""),
                value(network, "authorize-url").orElse(DEFAULT_AUTHORIZE_URL.getOrDefault(network, "")),
                value(network, "token-url").orElse(DEFAULT_TOKEN_URL.getOrDefault(network, "")),
                apiBase(network), scopes(network, handle));
    }

    /** The app a Mastodon server registered for one sign-in; the server is its own authorization server and API. */
    public OAuthProviders.App mastodonApp(String instance, String clientId, String clientSecret) {
        return new OAuthProviders.App(Network.MASTODON, clientId, clientSecret, instance + "/oauth/authorize",
                instance + "/oauth/token", instance, scopes(Network.MASTODON, null));
    }

    /** {@code .scopes} (spaces or commas) replaces the defaults, for a network that renames a permission. */
    public List<String> scopes(Network network, String handle) {
        String defaults = network == Network.LINKEDIN && handle != null && handle.startsWith("urn:li:person:")
                ? LINKEDIN_PERSON_SCOPES : DEFAULT_SCOPES.getOrDefault(network, "");
        return Arrays.stream(value(network, "scopes").orElse(defaults).split("[\\s,]+"))
                .filter(s -> !s.isBlank()).toList();
    }

    private static String key(Network network, String key) {
        return "herald.network." + network.name().toLowerCase(Locale.ROOT) + "." + key;
    }

    private Optional<String> value(Network network, String key) {
        return Optional.ofNullable(settings.get().get(key(network, key)));
    }

    /**
     * Every network's settings as configured now. Read at most once a second rather than on every call: opening a
     * channel for each publication asked the configuration four times, each through every configuration source
     * (1.3 % of a publishing node's CPU); a setting changed at run time is still seen within a second.
     */
    private static Map<String, String> configured() {
        Config config = ConfigProvider.getConfig();
        Map<String, String> settings = new HashMap<>();
        for (Network network : Network.values()) {
            for (String setting : SETTINGS) {
                String key = key(network, setting);
                config.getOptionalValue(key, String.class).filter(v -> !v.isBlank())
                        .ifPresent(value -> settings.put(key, value));
            }
        }
        return Map.copyOf(settings);
    }
}
