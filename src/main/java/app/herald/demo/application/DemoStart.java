package app.herald.demo.application;

import app.herald.api.application.WebhookEndpoints;
import app.herald.identity.application.Actors;
import app.herald.identity.application.ApiTokens;
import app.herald.identity.domain.ApiScope;
import app.herald.platform.application.Agencies;
import app.herald.platform.application.PlatformSchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * In demo mode (herald.demo), loads the demo world into an empty database as soon as the platform schema is ready,
 * and prints where to sign in. Nothing in Herald knows this package: it reacts to start-up's event.
 */
@ApplicationScoped
public class DemoStart {

    private static final Logger LOG = Logger.getLogger(DemoStart.class.getName());

    @Inject
    Agencies agencies;
    @Inject
    DemoData demo;
    @Inject
    ApiTokens tokens;
    @Inject
    Actors actors;
    @Inject
    @ConfigProperty(name = "herald.demo")
    boolean demoMode;
    @Inject
    @ConfigProperty(name = "herald.base-url")
    Optional<String> baseUrl;
    /** Whether the demo agency gets an endpoint at Herald's own inspector (mvn -Prun; not in the tests' servers). */
    @Inject
    @ConfigProperty(name = "herald.demo.webhook-inspector", defaultValue = "false")
    boolean webhookInspector;
    @Inject
    WebhookEndpoints webhooks;

    void onStart(@Observes PlatformSchemaReady ready) {
        if (!demoMode) {
            return;
        }
        String base = baseUrl.filter(s -> !s.isBlank()).orElse("http://localhost:8080");
        Optional<String> apiToken = Optional.empty();
        if (agencies.noneYet()) {
            demo.load();
            apiToken = Optional.of(tokens.issue(actors.byEmail(DemoData.NORTHWIND_OWNER).orElseThrow(),
                    DemoData.NORTHWIND_OWNER, "Demo token (printed at the demo's first start)",
                    Set.of(ApiScope.values()),
                    Set.of(), Instant.now().plus(Duration.ofDays(90))).text());
            if (webhookInspector) {
                addInspector(base);
            }
        } else {
            LOG.info("Demo mode: the database already holds agencies, so no demo data was loaded");
        }
        // The token exists only in this message: Herald keeps its digest.
        String api = apiToken.map(t -> "\n  API token of " + DemoData.NORTHWIND_OWNER + " (every scope, 90 days; shown "
                + "only now):\n    " + t + "\n    curl -H 'Authorization: Bearer " + t + "' " + base
                + "/api/v1/clients")
                .orElse("\n  API tokens: make one under Agency > API tokens (docs/api.md)")
                + (webhookInspector ? "\n  Webhooks: Agency > Webhooks shows what Herald sends to its own inspector "
                        + "(docs/webhooks.md)" : "");
        LOG.info(() -> "\n\n  Herald demo is ready at " + base
                + "/\n  Sign in as any of:\n    " + String.join("\n    ", DemoData.LOGINS)
                + "\n  Every demo password is \"" + DemoData.PASSWORD + "\"" + api + "\n");
    }

    /** Every event of every client goes to Herald's own inspector, so that a newcomer sees real deliveries. */
    private void addInspector(String base) {
        try {
            webhooks.addInspector(actors.byEmail(DemoData.NORTHWIND_OWNER).orElseThrow(), base, null);
        } catch (RuntimeException e) {
            // A convenience of the demo: Herald runs without it (add it under Agency > Webhooks).
            LOG.warning(() -> "Demo mode: could not add the webhook inspector at " + base + ": " + e);
        }
    }
}
