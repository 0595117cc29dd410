package app.herald.analytics.application;

import app.herald.analytics.domain.BestTimes;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Each client's best times to post, kept for a few minutes per node. They come from posts at least a day old and
 * move slowly, while reading them means reading every measured post of the client: the dashboard should not pay
 * that on every load.
 */
@ApplicationScoped
public class BestTimesCache {

    static final Duration FRESH_FOR = Duration.ofMinutes(10);

    private record Entry(Instant computedAt, Map<Long, BestTimes.Verdict> verdicts) {
    }

    private final Map<Long, Entry> byTenant = new ConcurrentHashMap<>();

    public Map<Long, BestTimes.Verdict> of(long tenantId, Supplier<Map<Long, BestTimes.Verdict>> compute) {
        Instant now = Instant.now();
        Entry entry = byTenant.get(tenantId);
        if (entry == null || entry.computedAt().plus(FRESH_FOR).isBefore(now)) {
            entry = new Entry(now, Map.copyOf(compute.get()));
            byTenant.put(tenantId, entry);
        }
        return entry.verdicts();
    }
}
