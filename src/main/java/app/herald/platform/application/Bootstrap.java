package app.herald.platform.application;

import app.herald.kernel.sql.PlatformSchema;
import app.herald.tenancy.application.StartupMigration;
import app.herald.tenancy.infrastructure.SchemaMigrations;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Start-up, in order: migrate the platform schema, tell whoever waits for it ({@link PlatformSchemaReady}; the demo
 * loads its world into an empty database then), and migrate every tenant schema in the background.
 */
@Singleton
@Startup
// Whatever reacts to start-up (the demo adding its webhook inspector) calls out only once the guard has the
// operator's allow-list.
@DependsOn("OutboundSettings")
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @Inject
    SchemaMigrations migrations;
    @Inject
    Event<PlatformSchemaReady> platformReadyEvent;
    @Inject
    StartupMigration tenantMigration;

    @Inject
    PlatformSchema platformSchema;

    @PostConstruct
    void start() {
        long begin = System.nanoTime();
        migrations.migratePlatform();
        platformSchema.ready();
        platformReadyEvent.fire(new PlatformSchemaReady());
        tenantMigration.migrateAll();
        LOG.info(() -> "Herald started in " + (System.nanoTime() - begin) / 1_000_000 + " ms (tenant migration goes on)");
    }

    public boolean isPlatformReady() {
        return platformSchema.isReady();
    }
}
