package app.herald.kernel;

import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A value read at most once per {@code keep}, for what every unit of work asks and almost nothing changes (how
 * tenants stand and which agencies listen for webhooks, from the database; the networks' apps, from the
 * configuration): the first caller after it has aged reads it again while the others wait for that reading. A change made on this node calls {@link #forget}, which makes the next
 * caller read again, both at once and after the change's transaction ends; a reading that began before a change is
 * not kept. Other nodes see a change within {@code keep}.
 */
public final class Remembered<T> {

    private record Reading<T>(T value, long readAtNanos) {
    }

    private final Supplier<T> reader;
    private final long keepNanos;
    private final TransactionSynchronizationRegistry transactions;
    private final AtomicLong changes = new AtomicLong();
    private volatile Reading<T> last;

    public Remembered(Supplier<T> reader, Duration keep, TransactionSynchronizationRegistry transactions) {
        this.reader = reader;
        this.keepNanos = keep.toNanos();
        this.transactions = transactions;
    }

    public T get() {
        Reading<T> reading = last;
        if (isFresh(reading)) {
            return reading.value();
        }
        synchronized (this) {
            reading = last;
            if (isFresh(reading)) {
                return reading.value();
            }
            long changesBefore = changes.get();
            reading = new Reading<>(reader.get(), System.nanoTime());
            if (changes.get() == changesBefore) {
                last = reading;
            }
            return reading.value();
        }
    }

    private boolean isFresh(Reading<T> reading) {
        return reading != null && System.nanoTime() - reading.readAtNanos() < keepNanos;
    }

    /** What was read no longer holds: the next caller reads again, now and after the caller's transaction ends. */
    public void forget() {
        forgetNow();
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            TransactionEnd.then(transactions, status -> forgetNow());
        }
    }

    private void forgetNow() {
        changes.incrementAndGet();
        last = null;
    }
}
