package app.herald.content.domain;

/**
 * The social networks a variant can target, with the limits each publishes for a post's text and for an answer. How the text is
 * counted differs per network; {@link TextRules} applies each network's own way.
 */
public enum Network {
    X("X", 280, 280),
    BLUESKY("Bluesky", 300, 300),
    MASTODON("Mastodon", 500, 500),
    THREADS("Threads", 500, 500),
    /** Comments on LinkedIn stop at 1,250 characters. */
    LINKEDIN("LinkedIn", 3_000, 1_250),
    INSTAGRAM("Instagram", 2_200, 2_200),
    /** Comments and Messenger messages on Facebook stop at 8,000 characters. */
    FACEBOOK("Facebook", 63_206, 8_000),
    /** Herald's built-in demo network, clearly labelled as such on every screen. */
    SANDBOX("Sandbox", 5_000, 5_000),
    /** A URL of the client's own that receives each post as signed JSON (for intranets, Slack bridges, CMSs). */
    WEBHOOK("Webhook", 63_206, 0);

    /** Bluesky also limits a post's text to this many UTF-8 bytes. */
    public static final int BLUESKY_MAX_BYTES = 3_000;
    public static final int INSTAGRAM_MAX_HASHTAGS = 30;
    /** X and Mastodon count every link as this many characters, whatever its length. */
    public static final int LINK_LENGTH = 23;

    private final String label;
    private final int maxLength;
    private final int maxReplyLength;

    Network(String label, int maxLength, int maxReplyLength) {
        this.label = label;
        this.maxLength = maxLength;
        this.maxReplyLength = maxReplyLength;
    }

    public String label() {
        return label;
    }

    public int maxLength() {
        return maxLength;
    }

    /** The longest answer (a reply, a comment, a message) the network takes; 0 where nothing can be answered. */
    public int maxReplyLength() {
        return maxReplyLength;
    }
}
