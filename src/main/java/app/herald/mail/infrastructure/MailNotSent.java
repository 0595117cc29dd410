package app.herald.mail.infrastructure;

import app.herald.kernel.RuleViolation;
import jakarta.ejb.ApplicationException;

/** The SMTP server refused or could not be reached; the work that needed the mail is rolled back. */
@ApplicationException(rollback = true)
public class MailNotSent extends RuleViolation {

    public MailNotSent(String message, Throwable cause) {
        super(message, cause);
    }
}
