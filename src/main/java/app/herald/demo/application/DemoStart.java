package app.herald.demo.application;

import app.herald.platform.application.Agencies;
import app.herald.platform.application.PlatformSchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
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
    @ConfigProperty(name = "herald.demo")
    boolean demoMode;
    @Inject
    @ConfigProperty(name = "herald.base-url")
    Optional<String> baseUrl;

    void onStart(@Observes PlatformSchemaReady ready) {
        if (!demoMode) {
            return;
        }
        if (agencies.noneYet()) {
            demo.load();
        } else {
            LOG.info("Demo mode: the database already holds agencies, so no demo data was loaded");
        }
        LOG.info(() -> "\n\n  Herald demo is ready at " + baseUrl.filter(s -> !s.isBlank()).orElse("http://localhost:8080")
                + "/\n  Sign in as any of:\n    " + String.join("\n    ", DemoData.LOGINS)
                + "\n  Every demo password is \"" + DemoData.PASSWORD + "\"\n");
    }
}
