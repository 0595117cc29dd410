package app.herald.engagement.domain;

/** How urgently a conversation should be answered; lists put the urgent first when asked to. */
public enum Priority {
    LOW("Low"),
    NORMAL("Normal"),
    HIGH("High"),
    URGENT("Urgent");

    private final String label;

    Priority(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
