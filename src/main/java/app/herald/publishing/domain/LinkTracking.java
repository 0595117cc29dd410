package app.herald.publishing.domain;

import app.herald.content.domain.Network;

/**
 * Puts tracked short links in place of the links of a text about to be published. Implemented by the tracking
 * capability; the same publication and link always get the same short link, so a retried publication's text is
 * byte for byte the text of its earlier attempt (which lets a connector recognise it on the network).
 */
public interface LinkTracking {

    String track(long publicationId, long postId, long channelId, Network network, String text);

    /** Whether {@link #track} would change the text: it has a link to track, and tracking is on. */
    boolean changes(String text);
}
