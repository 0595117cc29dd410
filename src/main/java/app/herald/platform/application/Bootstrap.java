package app.herald.platform.application;

import app.herald.tenancy.application.StartupMigration;
import app.herald.tenancy.infrastructure.SchemaMigrations;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Start-up, in order: migrate the platform schema, load the demo world if asked to and the database is empty, then
 * migrate every tenant schema in the background.
 */
@Singleton
@Startup
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @Inject
    SchemaMigrations migrations;
    @Inject
    Agencies agencies;
    @Inject
    DemoData demo;
    @Inject
    StartupMigration tenantMigration;
    @Inject
    @ConfigProperty(name = "herald.demo")
    boolean demoMode;
    @Inject
    @ConfigProperty(name = "herald.base-url")
    java.util.Optional<String> baseUrl;

    private volatile boolean platformReady;

    @PostConstruct
    void start() {
        long begin = System.nanoTime();
        migrations.migratePlatform();
        platformReady = true;
        if (demoMode && agencies.noneYet()) {
            demo.load();
        } else if (demoMode) {
            LOG.info("Demo mode: the database already holds agencies, so no demo data was loaded");
        }
        if (demoMode) {
            LOG.info(() -> "\n\n  Herald demo is ready at " + baseUrl.filter(s -> !s.isBlank()).orElse("http://localhost:8080")
                    + "/\n  Sign in as any of:\n    " + String.join("\n    ", DemoData.LOGINS)
                    + "\n  Every demo password is \"" + DemoData.PASSWORD + "\"\n");
        }
        tenantMigration.migrateAll();
        LOG.info(() -> "Herald started in " + (System.nanoTime() - begin) / 1_000_000 + " ms (tenant migration goes on)");
    }

    public boolean isPlatformReady() {
        return platformReady;
    }
}
