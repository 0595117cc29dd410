package app.herald.publishing.domain;

/** What Herald can do to an incoming item on the network itself, where the network allows it. */
public enum Moderation {
    /** Hidden from the public under the client's post, still there for its author. */
    HIDE("Hide"),
    UNHIDE("Show again"),
    /** Removed from the network for good. */
    DELETE("Delete"),
    /** The client's account likes it. */
    LIKE("Like");

    private final String label;

    Moderation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
