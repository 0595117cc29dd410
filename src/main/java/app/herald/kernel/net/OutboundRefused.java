package app.herald.kernel.net;

import app.herald.kernel.RuleViolation;

/**
 * An address Herald will not call. Its message is the same whatever the reason (a private range, a name that does not
 * resolve, a scheme other than http(s)), so that an answer never tells a person what lies behind an address.
 */
public class OutboundRefused extends RuleViolation {

    private static final long serialVersionUID = 1L;

    /** What the person sees. */
    public static final String MESSAGE = "Herald cannot reach that address.";

    private final String why;

    public OutboundRefused(String why) {
        super(MESSAGE);
        this.why = why;
    }

    /** For the log, never for a page. */
    public String why() {
        return why;
    }
}
