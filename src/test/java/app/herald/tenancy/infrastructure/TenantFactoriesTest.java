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
