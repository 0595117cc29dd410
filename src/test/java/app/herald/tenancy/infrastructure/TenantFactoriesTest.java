package app.herald.tenancy.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TenantFactoriesTest {

    private final AtomicLong nanos = new AtomicLong();
    private final List<FakeFactory> made = new ArrayList<>();

    /** A factory that only knows whether it is open, and hands out EntityManagers that do nothing. */
    private static final class FakeFactory {
        final String schema;
        final AtomicBoolean open = new AtomicBoolean(true);
        final EntityManagerFactory proxy;

        FakeFactory(String schema) {
            this.schema = schema;
            EntityManager em = (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {EntityManager.class}, (p, m, a) -> null);
            proxy = (EntityManagerFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {EntityManagerFactory.class}, (p, m, a) -> switch (m.getName()) {
                        case "createEntityManager" -> {
                            if (!open.get()) {
                                throw new IllegalStateException("closed");
                            }
                            yield em;
                        }
                        case "isOpen" -> open.get();
                        case "close" -> {
                            open.set(false);
                            yield null;
                        }
                        default -> null;
                    });
        }
    }

    private TenantFactories factories(Duration idle, int max) {
        return new TenantFactories(schema -> {
            FakeFactory f = new FakeFactory(schema);
            made.add(f);
            return f.proxy;
        }, idle, max, nanos::get);
    }

    private void pass(Duration time) {
        nanos.addAndGet(time.toNanos());
    }

    @Test
    void aSchemaGetsOneFactoryWhateverTheNumberOfEntityManagers() {
        TenantFactories factories = factories(Duration.ofMinutes(15), 10);
        for (int i = 0; i < 5; i++) {
            factories.open("herald_t_a");
            factories.release("herald_t_a");
        }
        assertEquals(1, made.size());
        assertEquals(1, factories.size());
    }

    /**
     * A schema name whose hash falls into the same bin as {@code schema}'s in a ConcurrentHashMap's first table (16
     * bins): such a map locks a bin, not a key, while it computes an entry.
     */
    private static String sharingABin(String schema) {
        for (int i = 0; ; i++) {
            String other = "herald_t_other" + i;
            if ((spread(other.hashCode()) & 15) == (spread(schema.hashCode()) & 15)) {
                return other;
            }
        }
    }

    private static int spread(int hash) {
        return (hash ^ (hash >>> 16)) & 0x7fffffff;
    }

    /**
     * Making a factory takes EclipseLink a second or more: meanwhile, another schema (even one the map keeps beside
     * it) is opened and released and a sweep runs, without waiting for it.
     */
    @Test
    void aFactoryBeingMadeHoldsUpNoOtherSchemaNorASweep() throws Exception {
        CountDownLatch making = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        TenantFactories factories = new TenantFactories(schema -> {
            if (schema.equals("herald_t_slow")) {
                making.countDown();
                try {
                    letGo.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new FakeFactory(schema).proxy;
        }, Duration.ofMinutes(15), 1, nanos::get);
        CompletableFuture<EntityManager> slow = CompletableFuture.supplyAsync(() -> factories.open("herald_t_slow"));
        try {
            assertTrue(making.await(5, TimeUnit.SECONDS));
            String other = sharingABin("herald_t_slow");
            CompletableFuture<Void> others = CompletableFuture.runAsync(() -> {
                factories.open(other);
                factories.release(other);
                factories.evict();
            });
            others.get(5, TimeUnit.SECONDS);
            assertFalse(slow.isDone(), "the slow factory is still being made");
        } finally {
            letGo.countDown();
        }
        slow.get(5, TimeUnit.SECONDS);
        factories.release("herald_t_slow");
        assertEquals(1, factories.size(), "the bound of one closed the unused other schema's factory");
    }

    @Test
    void anIdleFactoryIsClosedAtTheNextSweepAndMadeAgainWhenNeeded() {
        TenantFactories factories = factories(Duration.ofMinutes(15), 10);
        factories.open("herald_t_a");
        factories.release("herald_t_a");
        pass(Duration.ofMinutes(16));
        factories.open("herald_t_b");
        factories.release("herald_t_b");
        assertFalse(made.get(0).open.get(), "idle for longer than allowed");
        assertTrue(made.get(1).open.get());
        assertEquals(1, factories.size());

        factories.open("herald_t_a");
        assertEquals(3, made.size(), "a fresh factory for the schema that was evicted");
    }

    @Test
    void aFactoryInUseIsNeverClosedHoweverLongItIsBusy() {
        TenantFactories factories = factories(Duration.ofMinutes(15), 1);
        factories.open("herald_t_a");
        pass(Duration.ofHours(2));
        factories.open("herald_t_b");
        assertTrue(made.get(0).open.get(), "its EntityManager is still open");
        assertEquals(2, factories.size(), "over the bound only while both are in use");

        factories.release("herald_t_a");
        factories.evict();
        assertFalse(made.get(0).open.get());
        assertEquals(1, factories.size());
    }

    @Test
    void theBoundClosesTheLeastRecentlyUsedFirst() {
        TenantFactories factories = factories(Duration.ofHours(1), 2);
        for (String schema : List.of("herald_t_a", "herald_t_b")) {
            factories.open(schema);
            factories.release(schema);
            pass(Duration.ofSeconds(1));
        }
        factories.open("herald_t_a");
        factories.release("herald_t_a");
        pass(Duration.ofSeconds(1));
        factories.open("herald_t_c");
        factories.release("herald_t_c");
        assertEquals(2, factories.size());
        assertFalse(made.get(1).open.get(), "b was used least recently");
        assertTrue(made.get(0).open.get());
        assertTrue(made.get(2).open.get());
    }

    @Test
    void aForgottenSchemaIsClosedAtOnce() {
        TenantFactories factories = factories(Duration.ofHours(1), 5);
        factories.open("herald_t_a");
        factories.release("herald_t_a");
        factories.forget("herald_t_a");
        assertFalse(made.get(0).open.get());
        assertEquals(0, factories.size());
    }

    @Test
    void aBoundBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> factories(Duration.ofMinutes(1), 0));
    }
}
