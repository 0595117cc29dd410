package app.herald.publishing.application;

import app.herald.content.domain.Network;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The platform's registered app at each network, from configuration: {@code herald.network.<network>.api-base},
 * {@code .client-id}, {@code .client-secret}, {@code .token-url} (environment: {@code HERALD_NETWORK_X_CLIENT_ID}, ...).
 * API bases default to the networks' public addresses and are configurable so that a test or a proxy can stand in.
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
            Network.LINKEDIN, "https://www.linkedin.com/oauth/v2/accessToken");

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

    private static Optional<String> value(Network network, String key) {
        Config config = ConfigProvider.getConfig();
        return config.getOptionalValue("herald.network." + network.name().toLowerCase(Locale.ROOT) + "." + key,
                String.class).filter(v -> !v.isBlank());
    }
}
