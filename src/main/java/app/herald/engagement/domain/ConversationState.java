package app.herald.engagement.domain;

/** Where a conversation stands for the agency, computed from who spoke last and whether someone closed it. */
public enum ConversationState {
    /** The other person spoke last and nobody answered yet. */
    NEW("New"),
    /** The client answered last; waiting for the other person. */
    PENDING("Pending"),
    /** Closed by someone; the next word from the other person opens it again. */
    DONE("Done");

    private final String label;

    ConversationState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
