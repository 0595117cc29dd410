package app.herald.mail.infrastructure;

/** The SMTP server refused the mail or could not be reached; the mail stays in the outbox and is tried again. */
public class MailNotSent extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MailNotSent(String message, Throwable cause) {
        super(message, cause);
    }
}
