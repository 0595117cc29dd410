package app.herald.tenancy.infrastructure;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * This node's EntityManagerFactories, one per tenant schema: made on first use, and closed again when they have been
 * idle for a while or when there are more than a bound allows, so that memory follows the tenants a node is serving
 * now rather than every tenant it ever served. A factory is never closed while one of its EntityManagers is open.
 */
final class TenantFactories {

    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Function<String, EntityManagerFactory> maker;
    private final LongSupplier nanoClock;
    private final long idleNanos;
    private final int max;
    private final AtomicLong lastSweep;

    private static final class Entry {
        final EntityManagerFactory factory;
        int users;
        long lastUsed;

        Entry(EntityManagerFactory factory) {
            this.factory = factory;
        }
    }

    TenantFactories(Function<String, EntityManagerFactory> maker, Duration idle, int max, LongSupplier nanoClock) {
        if (max < 1) {
            throw new IllegalArgumentException("At least one tenant factory must be allowed, not " + max);
        }
        this.maker = maker;
        this.idleNanos = idle.toNanos();
        this.max = max;
        this.nanoClock = nanoClock;
        this.lastSweep = new AtomicLong(nanoClock.getAsLong());
    }

    /** An EntityManager on the schema's factory; {@link #release} it when it is closed. */
    EntityManager open(String schema) {
        boolean[] made = new boolean[1];
        Entry entry = entries.compute(schema, (s, known) -> {
            Entry e = known;
            if (e == null) {
                e = new Entry(maker.apply(s));
                made[0] = true;
            }
            e.users++;
            e.lastUsed = nanoClock.getAsLong();
            return e;
        });
        try {
            EntityManager em = entry.factory.createEntityManager();
            if (made[0] || sweepDue()) {
                evict();
            }
            return em;
        } catch (RuntimeException e) {
            release(schema);
            throw e;
        }
    }

    void release(String schema) {
        entries.computeIfPresent(schema, (s, e) -> {
            e.users--;
            e.lastUsed = nanoClock.getAsLong();
            return e;
        });
    }

    /** Closes the factory of a schema that is gone (a deleted client). */
    void forget(String schema) {
        Entry gone = entries.remove(schema);
        if (gone != null) {
            close(gone);
        }
    }

    void closeAll() {
        entries.keySet().forEach(this::forget);
    }

    int size() {
        return entries.size();
    }

    private boolean sweepDue() {
        long now = nanoClock.getAsLong();
        long last = lastSweep.get();
        return now - last >= SWEEP_EVERY.toNanos() && lastSweep.compareAndSet(last, now);
    }

    /** Closes idle factories, then the least recently used unused ones while there are more than the bound. */
    void evict() {
        long now = nanoClock.getAsLong();
        for (String schema : List.copyOf(entries.keySet())) {
            closeIf(schema, e -> now - e.lastUsed >= idleNanos);
        }
        if (entries.size() > max) {
            List<Map.Entry<String, Entry>> byAge = new ArrayList<>(entries.entrySet());
            byAge.sort(Comparator.comparingLong(e -> e.getValue().lastUsed));
            for (Map.Entry<String, Entry> oldest : byAge) {
                if (entries.size() <= max) {
                    break;
                }
                closeIf(oldest.getKey(), e -> true);
            }
        }
    }

    private void closeIf(String schema, java.util.function.Predicate<Entry> condition) {
        entries.computeIfPresent(schema, (s, e) -> {
            if (e.users > 0 || !condition.test(e)) {
                return e;
            }
            close(e);
            return null;
        });
    }

    private static void close(Entry entry) {
        if (entry.factory.isOpen()) {
            entry.factory.close();
        }
    }
}
