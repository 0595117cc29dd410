package app.herald.tenancy.application;

import app.herald.tenancy.domain.Tenant;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Migrates every tenant schema at start-up, a few at a time, logging progress. The node serves tenants whose schema is
 * done while the sweep goes on; /health/ready stays DOWN until every schema is migrated.
 */
@ApplicationScoped
public class StartupMigration {

    private static final Logger LOG = Logger.getLogger(StartupMigration.class.getName());

    @Inject
    TenantRegistry registry;
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantSchemaStatus status;
    @Inject
    @ConfigProperty(name = "herald.migration.parallelism")
    int parallelism;
    @Resource
    ManagedExecutorService executor;

    public CompletableFuture<Void> migrateAll() {
        List<Tenant> tenants = registry.all();
        status.sweepStarted(tenants.size());
        LOG.info(() -> "Migrating " + tenants.size() + " tenant schema(s), " + parallelism + " at a time");
        long start = System.nanoTime();
        // A few workers that take tenants from one queue, not a task per tenant: the container's executor has a
        // bounded queue, and 2,000 tasks at once were refused (RejectedExecutionException) and stopped start-up.
        Queue<Tenant> pending = new ConcurrentLinkedQueue<>(tenants);
        int workers = Math.max(1, Math.min(parallelism, tenants.size()));
        CompletableFuture<?>[] runs = IntStream.range(0, workers).mapToObj(worker -> CompletableFuture.runAsync(() -> {
            for (Tenant tenant = pending.poll(); tenant != null; tenant = pending.poll()) {
                migrateOne(tenant, tenants.size());
            }
        }, executor)).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(runs).whenComplete((ok, error) -> LOG.info(() -> String.format(
                "Tenant schemas migrated: %d of %d in %d ms, %d failed", status.sweepDone() - status.failures().size(),
                tenants.size(), (System.nanoTime() - start) / 1_000_000, status.failures().size())));
    }

    private void migrateOne(Tenant tenant, int total) {
        try {
            String version = provisioning.migrate(tenant);
            status.sweptOne();
            int done = status.sweepDone();
            if (done == total || done % 25 == 0 || total <= 10) {
                LOG.info(() -> "Tenant schema " + tenant.getSchema() + " at version " + version + " (" + done + "/"
                        + total + ")");
            }
        } catch (RuntimeException e) {
            status.failed(tenant.getId(), e.getMessage());
            status.sweptOne();
            LOG.log(Level.SEVERE, "Tenant schema " + tenant.getSchema() + " could not be migrated", e);
        }
    }
}
