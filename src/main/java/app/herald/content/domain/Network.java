package app.herald.content.domain;

/**
 * The social networks a variant can target, with the limits each publishes for a post's text. How the text is
 * counted differs per network; {@link TextRules} applies each network's own way.
 */
public enum Network {
    X("X", 280),
    BLUESKY("Bluesky", 300),
    MASTODON("Mastodon", 500),
    THREADS("Threads", 500),
    LINKEDIN("LinkedIn", 3_000),
    INSTAGRAM("Instagram", 2_200),
    FACEBOOK("Facebook", 63_206),
    /** Herald's built-in demo network, clearly labelled as such on every screen. */
    SANDBOX("Sandbox", 5_000),
    /** A URL of the client's own that receives each post as signed JSON (for intranets, Slack bridges, CMSs). */
    WEBHOOK("Webhook", 63_206);

    /** Bluesky also limits a post's text to this many UTF-8 bytes. */
    public static final int BLUESKY_MAX_BYTES = 3_000;
    public static final int INSTAGRAM_MAX_HASHTAGS = 30;
    /** X and Mastodon count every link as this many characters, whatever its length. */
    public static final int LINK_LENGTH = 23;

    private final String label;
    private final int maxLength;

    Network(String label, int maxLength) {
        this.label = label;
        this.maxLength = maxLength;
    }

    public String label() {
        return label;
    }

    public int maxLength() {
        return maxLength;
    }
}
