package app.herald.analytics.application;

import app.herald.analytics.domain.AnalyticsJob;
import java.time.Instant;
import java.util.Optional;

/**
 * One kind of analytics work, found through CDI by the dispatcher. Runs on a pool thread inside the job's tenant
 * (entered as Herald) and tells the dispatcher what comes next; it never throws for what a network answers.
 */
public interface AnalyticsTask {

    AnalyticsJob.Kind kind();

    Outcome run(AnalyticsJob job);

    /** What to do with the job afterwards. */
    sealed interface Outcome {
        /** Go on with {@code step} at {@code due}. */
        record Next(int step, Instant due) implements Outcome {
        }

        /** Try the same step again at {@code due}, with the reason shown to people meanwhile. */
        record Retry(Instant due, String problem) implements Outcome {
        }

        /** Nothing more to do; {@code problem} says why, when it ended badly. */
        record Done(Optional<String> problem) implements Outcome {
        }
    }
}
