package app.herald.tenancy.application;

import app.herald.kernel.RuleViolation;

/**
 * The tenant exists and may be entered, but not now: it is deactivated, its schema is being migrated, or (for
 * Herald's own background work) its agency is suspended. Background work waits and tries again later; any other
 * failure is not this.
 */
public class TenantUnavailable extends RuleViolation {

    private static final long serialVersionUID = 1L;

    public TenantUnavailable(String message) {
        super(message);
    }
}
