package app.herald.jobs.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The claim tokens of attempts whose handler committed the job's outcome together with its work ({@link Jobs#finish}):
 * the engine then records nothing after the attempt, which would be one more transaction changing no row.
 */
@ApplicationScoped
class RecordedAttempts {

    private final Set<String> tokens = ConcurrentHashMap.newKeySet();

    void committed(String claimToken) {
        tokens.add(claimToken);
    }

    /** Whether the attempt's outcome was committed by its handler; forgets the attempt either way. */
    boolean take(String claimToken) {
        return tokens.remove(claimToken);
    }
}
