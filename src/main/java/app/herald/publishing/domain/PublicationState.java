package app.herald.publishing.domain;

/** Where one delivery (a variant's publication on one channel, or an inbox reply) stands. */
public enum PublicationState {
    /** Written, and waiting for the approval that releases it (inbox replies that need one). */
    HELD("Waiting for approval", false),
    QUEUED("Queued", false),
    PUBLISHING("Publishing", false),
    PUBLISHED("Published", false),
    RETRY_WAIT("Waiting to retry", true),
    FAILED("Failed", true),
    UNCONFIRMED("Unconfirmed", true),
    CANCELLED("Cancelled", false);

    private final String label;
    private final boolean needsAttention;

    PublicationState(String label, boolean needsAttention) {
        this.label = label;
        this.needsAttention = needsAttention;
    }

    public String label() {
        return label;
    }

    /** Shown on the "needs attention" list: something went wrong, or is still unresolved. */
    public boolean needsAttention() {
        return needsAttention;
    }

    /** Nothing was sent before: an attempt publishes without asking the network first. */
    public boolean isUnsent() {
        return this == QUEUED || this == RETRY_WAIT;
    }

    /** Nothing more will happen unless a person acts. */
    public boolean isSettled() {
        return this == PUBLISHED || this == FAILED || this == CANCELLED;
    }
}
