package app.herald.publishing.domain;

/**
 * What a person did towards a client's account. The first five are said in words and open or continue a
 * conversation; the last three are gestures, kept for the relationship (a contact's history, the counts) only.
 */
public enum InteractionKind {
    /** An answer to one of the client's own posts. */
    COMMENT("Comment", true, 3),
    /** An answer inside a thread: to someone's comment, or to the client's own reply. */
    REPLY("Reply", true, 3),
    MENTION("Mention", true, 4),
    QUOTE("Quote", true, 4),
    MESSAGE("Direct message", true, 5),
    LIKE("Like", false, 1),
    REPOST("Repost", false, 2),
    FOLLOW("Follow", false, 2);

    private final String label;
    private final boolean conversational;
    private final int weight;

    InteractionKind(String label, boolean conversational, int weight) {
        this.label = label;
        this.conversational = conversational;
        this.weight = weight;
    }

    public String label() {
        return label;
    }

    /** Said in words, so someone may answer it: it belongs to a conversation. */
    public boolean isConversational() {
        return conversational;
    }

    /**
     * How much one such interaction counts when people are ranked by how much they engage (docs/engagement.md): a
     * message or a mention takes more effort than a like.
     */
    public int weight() {
        return weight;
    }
}
