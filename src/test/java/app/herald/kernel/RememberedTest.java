package app.herald.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RememberedTest {

    /** A registry with a transaction whose end the test decides. */
    private static final class OneTransaction implements TransactionSynchronizationRegistry {
        int status = Status.STATUS_NO_TRANSACTION;
        final List<Synchronization> registered = new ArrayList<>();

        void commit() {
            status = Status.STATUS_COMMITTED;
            registered.forEach(s -> s.afterCompletion(Status.STATUS_COMMITTED));
            registered.clear();
            status = Status.STATUS_NO_TRANSACTION;
        }

        @Override
        public Object getTransactionKey() {
            return status == Status.STATUS_ACTIVE ? this : null;
        }

        @Override
        public void putResource(Object key, Object value) {
        }

        @Override
        public Object getResource(Object key) {
            return null;
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            registered.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public void setRollbackOnly() {
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }

    private final AtomicInteger reads = new AtomicInteger();
    private final OneTransaction transaction = new OneTransaction();

    @Test
    void aValueIsReadOnceWhileItIsFreshAndAgainOnceItHasAged() throws InterruptedException {
        Remembered<Integer> kept = new Remembered<>(reads::incrementAndGet, Duration.ofMillis(200), transaction);
        assertEquals(1, kept.get());
        assertEquals(1, kept.get(), "fresh: not read again");
        Thread.sleep(250);
        assertEquals(2, kept.get(), "aged: read again");
    }

    @Test
    void aChangeIsSeenAtOnceAndAgainAfterItsTransactionCommits() {
        Remembered<Integer> kept = new Remembered<>(reads::incrementAndGet, Duration.ofHours(1), transaction);
        assertEquals(1, kept.get());
        transaction.status = Status.STATUS_ACTIVE;
        kept.forget();
        assertEquals(2, kept.get(), "read again at once");
        // Another thread read before the change committed; what it read must not outlive the commit.
        transaction.commit();
        assertEquals(3, kept.get(), "read again after the commit");
        assertEquals(3, kept.get());
    }

    @Test
    void aReadingThatBeganBeforeAChangeIsNotKept() {
        Remembered<Integer>[] kept = new Remembered[1];
        kept[0] = new Remembered<>(() -> {
            int n = reads.incrementAndGet();
            if (n == 1) {
                kept[0].forget();
            }
            return n;
        }, Duration.ofHours(1), transaction);
        assertEquals(1, kept[0].get(), "the caller gets what was read");
        assertEquals(2, kept[0].get(), "but it was not kept: the change came while it was read");
        assertEquals(2, kept[0].get());
    }
}
