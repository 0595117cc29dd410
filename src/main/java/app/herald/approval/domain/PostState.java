package app.herald.approval.domain;

/** Where a post stands in its review. Publishing states come with the publishing engine. */
public enum PostState {
    DRAFT("Draft"),
    IN_REVIEW("In internal review"),
    CLIENT_REVIEW("Waiting for the client"),
    CHANGES_REQUESTED("Changes requested"),
    REJECTED("Rejected"),
    APPROVED("Approved");

    private final String label;

    PostState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** States in which the author may still change the post without sending it back to review. */
    public boolean isEditableFreely() {
        return this == DRAFT || this == CHANGES_REQUESTED || this == REJECTED;
    }
}
