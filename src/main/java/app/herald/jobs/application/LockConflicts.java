package app.herald.jobs.application;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Telling a lock conflict (a deadlock, a lock wait that timed out, a serialization failure, a concurrent change) from
 * other failures, and trying a transaction again at once when it met one. A conflict is nobody's fault: the database
 * rolled one transaction back so that another could go on, and the same work usually succeeds a moment later.
 */
public final class LockConflicts {

    /** How often a transaction that met a conflict is tried again before the conflict is let out. */
    private static final int TRIES = 4;

    private LockConflicts() {
    }

    /** Whether the failure, or one of its causes, is a lock conflict. */
    public static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.LockTimeoutException
                    || t instanceof jakarta.persistence.PessimisticLockException
                    || t instanceof jakarta.persistence.OptimisticLockException) {
                return true;
            }
            if (t instanceof SQLException sql && !(t instanceof SQLTransientConnectionException)) {
                String state = Optional.ofNullable(sql.getSQLState()).orElse("");
                // 1213: deadlock, 1205: lock wait timeout (MySQL/MariaDB); 40xxx: serialization failures.
                if (sql.getErrorCode() == 1213 || sql.getErrorCode() == 1205 || state.startsWith("40")
                        || t instanceof SQLTransientException) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the failure, or one of its causes, says the database could not be reached. */
    public static boolean isUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && Optional.ofNullable(sql.getSQLState()).orElse("").startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs a call that is one transaction (a method of an EJB that starts its own), trying it again after a few
     * random milliseconds when it met a lock conflict, up to a few times. For work that must not be repeated from
     * the start, such as recording what a network answered.
     */
    public static <T> T retried(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt >= TRIES || !isConflict(e)) {
                    throw e;
                }
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
