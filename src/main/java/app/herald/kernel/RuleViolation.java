package app.herald.kernel;

import jakarta.ejb.ApplicationException;

/** A request that breaks a business rule. Its message is written for the person who made the request. */
@ApplicationException(rollback = true)
public class RuleViolation extends RuntimeException {

    public RuleViolation(String message) {
        super(message);
    }

    public RuleViolation(String message, Throwable cause) {
        super(message, cause);
    }
}
