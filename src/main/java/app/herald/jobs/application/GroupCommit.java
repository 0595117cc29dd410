package app.herald.jobs.application;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes what attempts bring (publications to start, a network's answers to record) in as few transactions as the
 * rate needs: while fewer rounds than {@code rounds} are being written, a record starts a round of its own at once, on
 * the calling thread; when that many are, records wait and the next round to start takes all of them, up to
 * {@code most}, into one transaction. Slow arrivals are written one by one without waiting for anything; a burst
 * shares commits. A round that fails is written again one record at a time, each in a transaction of its own, so that
 * one record's failure (its attempt's lease lost, a bug) costs the others nothing but a second try.
 *
 * @param <T> what is recorded
 * @param <R> what recording answers for each
 */
public final class GroupCommit<T, R> {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());

    private final Function<List<T>, List<R>> together;
    private final Function<T, R> alone;
    private final int rounds;
    private final int most;
    private final Runnable whenIdle;
    private final ArrayDeque<Waiting<T, R>> waiting = new ArrayDeque<>();
    private int recording;

    /**
     * @param together records several in one transaction and answers for each, in their order; all or none commit
     * @param alone    records one in a transaction of its own
     */
    public GroupCommit(Function<List<T>, List<R>> together, Function<T, R> alone, int rounds, int most) {
        this(together, alone, rounds, most, () -> { });
    }

    /**
     * As above; {@code whenIdle} runs each time the last round ends with nothing waiting, on that round's thread and
     * after its answers completed, for an owner that lets go of group commits not in use.
     */
    public GroupCommit(Function<List<T>, List<R>> together, Function<T, R> alone, int rounds, int most,
                       Runnable whenIdle) {
        if (rounds < 1 || most < 1) {
            throw new IllegalArgumentException("A group commit needs at least one round of at least one record");
        }
        this.together = together;
        this.alone = alone;
        this.rounds = rounds;
        this.most = most;
        this.whenIdle = whenIdle;
    }

    private record Waiting<T, R>(T record, CompletableFuture<R> recorded) {
    }

    /**
     * Records {@code record}: on this thread now, together with whatever waits, when a round is free; otherwise later,
     * on the thread of a round that is recording now. The answer completes when its transaction has committed, or
     * exceptionally with what recording it alone threw.
     */
    public CompletableFuture<R> record(T record) {
        Waiting<T, R> mine = new Waiting<>(record, new CompletableFuture<>());
        synchronized (waiting) {
            waiting.add(mine);
            if (recording >= rounds) {
                return mine.recorded();
            }
            recording++;
        }
        recordWhileWaiting();
        return mine.recorded();
    }

    /** Nothing is being recorded or waits to be: letting go of this group commit loses nothing. */
    public boolean idle() {
        synchronized (waiting) {
            return recording == 0 && waiting.isEmpty();
        }
    }

    private void recordWhileWaiting() {
        boolean done = false;
        boolean idle = false;
        try {
            while (!done) {
                List<Waiting<T, R>> round = new ArrayList<>();
                synchronized (waiting) {
                    while (!waiting.isEmpty() && round.size() < most) {
                        round.add(waiting.poll());
                    }
                    if (round.isEmpty()) {
                        recording--;
                        done = true;
                        idle = recording == 0;
                    }
                }
                if (!done) {
                    record(round);
                }
            }
            if (idle) {
                whenIdle.run();
            }
        } finally {
            if (!done) {
                // Only an Error gets here; what waits is taken by the next record's round.
                synchronized (waiting) {
                    recording--;
                }
            }
        }
    }

    private void record(List<Waiting<T, R>> round) {
        if (round.size() > 1) {
            List<R> answers;
            try {
                answers = together.apply(round.stream().map(Waiting::record).toList());
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, e, () -> "Recording " + round.size() + " together failed; each is recorded alone");
                answers = null;
            }
            if (answers != null) {
                for (int i = 0; i < round.size(); i++) {
                    if (answers.size() == round.size()) {
                        round.get(i).recorded().complete(answers.get(i));
                    } else {
                        round.get(i).recorded().completeExceptionally(new IllegalStateException("Recording "
                                + round.size() + " together answered for " + answers.size()));
                    }
                }
                return;
            }
        }
        for (Waiting<T, R> each : round) {
            try {
                each.recorded().complete(alone.apply(each.record()));
            } catch (RuntimeException | Error e) {
                each.recorded().completeExceptionally(e);
            }
        }
    }
}
