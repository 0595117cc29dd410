package app.herald.jobs.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.jobs.domain.Backoff;
import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.Outcome;
import app.herald.jobs.domain.QueueSettings;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LockConflictsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final QueueSettings SETTINGS = QueueSettings.of(2, Duration.ofSeconds(60))
            .retries(3, new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(1)));

    private static Job attempt(int attempts) {
        return new Job(7, "probe", "KIND", 1, 2, 0, NOW, attempts, "token");
    }

    private static RuntimeException wrapped(Throwable cause) {
        return new IllegalStateException("SQL failed", new RuntimeException(cause));
    }

    @Test
    void deadlocksLockWaitTimeoutsAndSerializationFailuresAreConflicts() {
        assertTrue(LockConflicts.isConflict(wrapped(new SQLException("Deadlock found", "40001", 1213))));
        assertTrue(LockConflicts.isConflict(wrapped(new SQLException("Lock wait timeout exceeded", "HY000", 1205))));
        assertTrue(LockConflicts.isConflict(wrapped(new SQLTransactionRollbackException("serialization"))));
        assertTrue(LockConflicts.isConflict(new jakarta.persistence.OptimisticLockException("changed meanwhile")));
        assertFalse(LockConflicts.isConflict(wrapped(new SQLException("Table doesn't exist", "42S02", 1146))));
        assertFalse(LockConflicts.isConflict(new IllegalStateException("a bug")));
        assertFalse(LockConflicts.isConflict(wrapped(new SQLTransientConnectionException("no connection"))));
        assertTrue(LockConflicts.isUnreachable(wrapped(new SQLTransientConnectionException("no connection"))));
        assertTrue(LockConflicts.isUnreachable(wrapped(new SQLException("Communications link failure", "08S01"))));
    }

    @Test
    void aTransactionThatMetAConflictIsTriedAgainAndAnythingElseIsLetOut() {
        AtomicInteger calls = new AtomicInteger();
        assertEquals("done", LockConflicts.retried(() -> {
            if (calls.incrementAndGet() < 3) {
                throw wrapped(new SQLException("Deadlock found", "40001", 1213));
            }
            return "done";
        }));
        assertEquals(3, calls.get());

        RuntimeException bug = new IllegalStateException("a bug");
        AtomicInteger once = new AtomicInteger();
        assertSame(bug, assertThrows(IllegalStateException.class, () -> LockConflicts.retried(() -> {
            once.incrementAndGet();
            throw bug;
        })));
        assertEquals(1, once.get(), "a bug is not tried again");

        AtomicInteger always = new AtomicInteger();
        assertThrows(IllegalStateException.class, () -> LockConflicts.retried(() -> {
            always.incrementAndGet();
            throw wrapped(new SQLException("Deadlock found", "40001", 1213));
        }));
        assertEquals(4, always.get(), "a conflict that persists is let out after a few tries");
    }

    @Test
    void anErrorIsRetriedWithBackoffThenGivenUpAndAConflictAtOnce() {
        Outcome first = JobFailures.outcomeOf(attempt(1), new IllegalStateException("a bug"), SETTINGS, NOW);
        Outcome.Retry retry = (Outcome.Retry) first;
        assertTrue(!retry.due().isBefore(NOW.plusSeconds(10)) && !retry.due().isAfter(NOW.plusSeconds(12)),
                "after the backoff: " + retry.due());
        assertTrue(retry.reason().contains("IllegalStateException: a bug"), retry.reason());

        Outcome last = JobFailures.outcomeOf(attempt(3), new IllegalStateException("a bug"), SETTINGS, NOW);
        assertTrue(last instanceof Outcome.Dead dead && dead.reason().startsWith("Given up after 3 attempts"), "" + last);

        Outcome conflict = JobFailures.outcomeOf(attempt(3), wrapped(new SQLException("Deadlock", "40001", 1213)),
                SETTINGS, NOW);
        assertEquals(NOW, ((Outcome.Retry) conflict).due(), "a conflict is tried again at once, and longer");
    }
}
