package app.herald.identity.web;

import app.herald.identity.application.TwoFactor;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * A session whose password was right and that still owes its second factor: a code, or enrolment when the agency
 * requires one. Nothing behind sign-in opens for it; it lapses after ten minutes.
 */
record PendingSignIn(String email, TwoFactor.Step step, Instant since) implements Serializable {

    static final String ATTRIBUTE = "herald.pending-sign-in";
    private static final Duration VALID = Duration.ofMinutes(10);

    boolean isCurrent(Instant now) {
        return now.isBefore(since.plus(VALID));
    }
}
