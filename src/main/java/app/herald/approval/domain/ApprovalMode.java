package app.herald.approval.domain;

/** How much review a tenant's posts need before they may be published. */
public enum ApprovalMode {
    /** Submitting a post approves it. */
    NONE,
    /** The agency's internal review steps, in order. */
    INTERNAL,
    /** The internal steps, then one approver of the client. */
    INTERNAL_THEN_CLIENT
}
