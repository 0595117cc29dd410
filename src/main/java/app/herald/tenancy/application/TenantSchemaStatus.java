package app.herald.tenancy.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What this node knows about the tenant schemas: which were brought to this build's migrations, and how far the
 * start-up sweep has come. Readiness and the tenant gate read it.
 */
@ApplicationScoped
public class TenantSchemaStatus {

    private final Set<Long> migrated = ConcurrentHashMap.newKeySet();
    private final Map<Long, String> failed = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger(-1);
    private final AtomicInteger done = new AtomicInteger();

    void sweepStarted(int tenants) {
        done.set(0);
        total.set(tenants);
    }

    void migrated(long tenantId) {
        failed.remove(tenantId);
        migrated.add(tenantId);
    }

    void sweptOne() {
        done.incrementAndGet();
    }

    void failed(long tenantId, String reason) {
        failed.put(tenantId, reason);
    }

    void forget(long tenantId) {
        migrated.remove(tenantId);
        failed.remove(tenantId);
    }

    public boolean isMigrated(long tenantId) {
        return migrated.contains(tenantId);
    }

    /** True once the start-up sweep has visited every tenant and none failed. */
    public boolean allMigrated() {
        return total.get() >= 0 && done.get() >= total.get() && failed.isEmpty();
    }

    public int sweepTotal() {
        return Math.max(total.get(), 0);
    }

    public int sweepDone() {
        return done.get();
    }

    public Map<Long, String> failures() {
        return Map.copyOf(failed);
    }
}
