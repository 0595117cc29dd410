package app.herald.content.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What each network accepts as a post's media, from its published limits: how many images, whether a video may go
 * with them, the largest image and video, and which image types.
 */
public enum MediaRules {
    X(Network.X, 4, 5L << 20, 512L << 20, EnumSet.of(MediaType.JPEG, MediaType.PNG, MediaType.GIF)),
    BLUESKY(Network.BLUESKY, 4, 1_000_000L, 100L << 20, EnumSet.of(MediaType.JPEG, MediaType.PNG, MediaType.GIF)),
    MASTODON(Network.MASTODON, 4, 16L << 20, 99L << 20, EnumSet.of(MediaType.JPEG, MediaType.PNG, MediaType.GIF)),
    THREADS(Network.THREADS, 10, 8L << 20, 1L << 30, EnumSet.of(MediaType.JPEG, MediaType.PNG)),
    LINKEDIN(Network.LINKEDIN, 9, 10L << 20, 200L << 20, EnumSet.of(MediaType.JPEG, MediaType.PNG, MediaType.GIF)),
    INSTAGRAM(Network.INSTAGRAM, 10, 8L << 20, 300L << 20, EnumSet.of(MediaType.JPEG)),
    FACEBOOK(Network.FACEBOOK, 10, 10L << 20, 1L << 30, EnumSet.of(MediaType.JPEG, MediaType.PNG, MediaType.GIF)),
    SANDBOX(Network.SANDBOX, 10, 20L << 20, 100L << 20, EnumSet.of(MediaType.JPEG, MediaType.PNG, MediaType.GIF)),
    WEBHOOK(Network.WEBHOOK, 10, 20L << 20, 100L << 20, EnumSet.of(MediaType.JPEG, MediaType.PNG, MediaType.GIF));

    private final Network network;
    private final int maxItems;
    private final long maxImageBytes;
    private final long maxVideoBytes;
    private final Set<MediaType> imageTypes;

    MediaRules(Network network, int maxItems, long maxImageBytes, long maxVideoBytes, Set<MediaType> imageTypes) {
        this.network = network;
        this.maxItems = maxItems;
        this.maxImageBytes = maxImageBytes;
        this.maxVideoBytes = maxVideoBytes;
        this.imageTypes = imageTypes;
    }

    public static MediaRules of(Network network) {
        for (MediaRules rules : values()) {
            if (rules.network == network) {
                return rules;
            }
        }
        throw new IllegalArgumentException("No media rules for " + network);
    }

    /** Every reason the given media cannot go with a post on this network; empty when they can. */
    public List<String> problems(List<MediaFile> media) {
        List<String> problems = new ArrayList<>();
        long videos = media.stream().filter(m -> !m.getMediaType().isImage()).count();
        if (videos > 1 || (videos == 1 && media.size() > 1 && network != Network.THREADS && network != Network.INSTAGRAM
                && network != Network.FACEBOOK && network != Network.SANDBOX && network != Network.WEBHOOK)) {
            problems.add(network.label() + " takes one video alone, or images without a video.");
        }
        if (media.size() > maxItems) {
            problems.add(network.label() + " takes at most " + maxItems + " media per post; this has " + media.size() + ".");
        }
        for (MediaFile m : media) {
            if (m.getMediaType().isImage() && !imageTypes.contains(m.getMediaType())) {
                problems.add(network.label() + " does not take " + m.getMediaType() + " images (" + m.getFileName() + ").");
            }
            long limit = m.getMediaType().isImage() ? maxImageBytes : maxVideoBytes;
            if (m.getSizeBytes() > limit) {
                problems.add(m.getFileName() + " is larger than " + network.label() + "'s limit of "
                        + (limit >= 1L << 20 ? (limit >> 20) + " MB" : (limit / 1000) + " KB") + ".");
            }
        }
        return problems;
    }
}
