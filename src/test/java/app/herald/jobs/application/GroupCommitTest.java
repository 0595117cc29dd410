package app.herald.jobs.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    /** Records "x" as "x recorded", noting every transaction; a record named in {@code stuck} waits for a release. */
    private static final class Ledger {
        final List<List<String>> transactions = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final Set<String> stuck;
        final Set<String> failing;

        Ledger(Set<String> stuck, Set<String> failing) {
            this.stuck = stuck;
            this.failing = failing;
        }

        List<String> together(List<String> records) {
            records.forEach(this::waitIfStuck);
            if (records.stream().anyMatch(failing::contains)) {
                throw new IllegalStateException("one of " + records + " fails");
            }
            transactions.add(List.copyOf(records));
            return records.stream().map(r -> r + " recorded").toList();
        }

        String alone(String record) {
            waitIfStuck(record);
            if (failing.contains(record)) {
                throw new IllegalStateException(record + " fails");
            }
            transactions.add(List.of(record));
            return record + " recorded";
        }

        private void waitIfStuck(String record) {
            if (stuck.contains(record)) {
                entered.countDown();
                try {
                    assertTrue(release.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static GroupCommit<String, String> commits(Ledger ledger, int rounds, int most) {
        return new GroupCommit<>(ledger::together, ledger::alone, rounds, most);
    }

    /** Starts recording {@code record} on a thread of its own; answers once that recording is under way and stuck. */
    private static CompletableFuture<CompletableFuture<String>> stuckOnAnotherThread(
            GroupCommit<String, String> commits, Ledger ledger, String record) throws InterruptedException {
        CompletableFuture<CompletableFuture<String>> started = CompletableFuture.supplyAsync(() -> commits.record(record));
        assertTrue(ledger.entered.await(10, TimeUnit.SECONDS), "the first round started");
        return started;
    }

    /** Lets the stuck first round go on; answers its record once recorded. */
    private static String released(Ledger ledger, CompletableFuture<CompletableFuture<String>> first)
            throws Exception {
        ledger.release.countDown();
        return first.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRecordArrivingWhileARoundIsFreeIsRecordedAloneOnTheCallersThreadAtOnce() throws Exception {
        Ledger ledger = new Ledger(Set.of(), Set.of());
        GroupCommit<String, String> commits = commits(ledger, 2, 100);

        CompletableFuture<String> first = commits.record("a");
        CompletableFuture<String> second = commits.record("b");

        assertTrue(first.isDone() && second.isDone(), "nothing waited");
        assertEquals("a recorded", first.get());
        assertEquals(List.of(List.of("a"), List.of("b")), ledger.transactions);
    }

    @Test
    void recordsArrivingWhileEveryRoundIsBusyShareTheNextTransaction() throws Exception {
        Ledger ledger = new Ledger(Set.of("a"), Set.of());
        GroupCommit<String, String> commits = commits(ledger, 1, 100);
        CompletableFuture<CompletableFuture<String>> first = stuckOnAnotherThread(commits, ledger, "a");

        List<CompletableFuture<String>> waiting = List.of(commits.record("b"), commits.record("c"),
                commits.record("d"));
        assertFalse(waiting.stream().anyMatch(CompletableFuture::isDone), "they wait for the round that is busy");
        assertEquals("a recorded", released(ledger, first));
        assertEquals(List.of("b recorded", "c recorded", "d recorded"),
                waiting.stream().map(CompletableFuture::join).toList());
        assertEquals(List.of(List.of("a"), List.of("b", "c", "d")), ledger.transactions,
                "the three that waited were recorded in one transaction, by the thread that was busy");
    }

    @Test
    void itTellsItsOwnerWhenItsLastRoundEndsWithNothingWaiting() throws Exception {
        Ledger ledger = new Ledger(Set.of("a"), Set.of());
        AtomicInteger idle = new AtomicInteger();
        GroupCommit<String, String> commits = new GroupCommit<>(ledger::together, ledger::alone, 1, 100,
                idle::incrementAndGet);
        assertTrue(commits.idle(), "a new one");
        CompletableFuture<CompletableFuture<String>> first = stuckOnAnotherThread(commits, ledger, "a");

        assertFalse(commits.idle(), "a round is being recorded");
        CompletableFuture<String> waiting = commits.record("b");
        assertFalse(commits.idle(), "a record waits");
        released(ledger, first);

        assertEquals("b recorded", waiting.get(10, TimeUnit.SECONDS));
        assertTrue(commits.idle(), "all recorded");
        assertEquals(1, idle.get(), "told once, when the round that took the waiting record ended");
        commits.record("c");
        assertEquals(2, idle.get(), "and again after a record alone");
    }

    @Test
    void aRoundTakesAtMostItsLimitAndTheRestFollowInTheNext() throws Exception {
        Ledger ledger = new Ledger(Set.of("a"), Set.of());
        GroupCommit<String, String> commits = commits(ledger, 1, 2);
        CompletableFuture<CompletableFuture<String>> first = stuckOnAnotherThread(commits, ledger, "a");

        List<CompletableFuture<String>> waiting = List.of(commits.record("b"), commits.record("c"),
                commits.record("d"), commits.record("e"), commits.record("f"));
        released(ledger, first);
        waiting.forEach(CompletableFuture::join);

        assertEquals(List.of(List.of("a"), List.of("b", "c"), List.of("d", "e"), List.of("f")), ledger.transactions);
    }

    @Test
    void whenARoundFailsEachOfItIsRecordedAloneAndOnlyTheFailingOneFails() throws Exception {
        Ledger ledger = new Ledger(Set.of("a"), Set.of("c"));
        GroupCommit<String, String> commits = commits(ledger, 1, 100);
        CompletableFuture<CompletableFuture<String>> first = stuckOnAnotherThread(commits, ledger, "a");

        CompletableFuture<String> b = commits.record("b");
        CompletableFuture<String> c = commits.record("c");
        CompletableFuture<String> d = commits.record("d");
        released(ledger, first);

        assertEquals("b recorded", b.get(10, TimeUnit.SECONDS));
        assertEquals("d recorded", d.get(10, TimeUnit.SECONDS));
        ExecutionException failed = assertThrows(ExecutionException.class, () -> c.get(10, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, failed.getCause());
        assertEquals(List.of(List.of("a"), List.of("b"), List.of("d")), ledger.transactions,
                "the failed round wrote nothing; b and d were each recorded alone");
    }

    @Test
    void withTwoRoundsASecondRecordStartsItsOwnWhileTheFirstIsBusy() throws Exception {
        Ledger ledger = new Ledger(Set.of("a"), Set.of());
        GroupCommit<String, String> commits = commits(ledger, 2, 100);
        CompletableFuture<CompletableFuture<String>> first = stuckOnAnotherThread(commits, ledger, "a");

        CompletableFuture<String> second = commits.record("b");

        assertTrue(second.isDone(), "the second round was free");
        released(ledger, first);
        assertEquals(List.of(List.of("b"), List.of("a")), ledger.transactions);
    }

    @Test
    void aGroupCommitNeedsARoundOfAtLeastOneRecord() {
        Ledger ledger = new Ledger(Set.of(), Set.of());
        assertThrows(IllegalArgumentException.class, () -> commits(ledger, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> commits(ledger, 1, 0));
    }
}
