package app.herald.tenancy.domain;

import java.time.Instant;

/** What to look for in a tenant's audit log: a period, and optionally who (part of an e-mail) and which action. */
public record AuditFilter(Instant from, Instant until, String actor, String action) {

    public AuditFilter {
        actor = actor == null || actor.isBlank() ? null : actor.strip();
        action = action == null || action.isBlank() ? null : action;
        if (!from.isBefore(until)) {
            throw new app.herald.kernel.RuleViolation("The period must end after it starts.");
        }
    }
}
