package app.herald.kernel;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.IntConsumer;

/** Work that waits for the current JTA transaction to end, told how it ended ({@code jakarta.transaction.Status}). */
public final class TransactionEnd {

    private TransactionEnd() {
    }

    /** Runs {@code then} with the transaction's status once it has committed or rolled back. */
    public static void then(TransactionSynchronizationRegistry transactions, IntConsumer then) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                then.accept(status);
            }
        });
    }
}
