package app.herald.jobs.domain;

import java.time.Instant;

/** What happens to a job after an attempt. */
public sealed interface Outcome {

    /** Nothing more to do; {@code note} says why when it ended badly (shown to people), else null. */
    record Done(String note) implements Outcome {
    }

    /** Go on with {@code step} at {@code due}; a new step starts its attempts afresh. */
    record Next(int step, Instant due) implements Outcome {
    }

    /** Try the same step again at {@code due}; {@code reason} is shown to people meanwhile. */
    record Retry(Instant due, String reason) implements Outcome {
    }

    /** Give up for good; {@code reason} is kept on the job for a person to read. */
    record Dead(String reason) implements Outcome {
    }

    static Outcome done() {
        return new Done(null);
    }

    static Outcome done(String note) {
        return new Done(note);
    }

    static Outcome next(int step, Instant due) {
        return new Next(step, due);
    }

    static Outcome retry(Instant due, String reason) {
        return new Retry(due, reason);
    }

    static Outcome dead(String reason) {
        return new Dead(reason);
    }
}
