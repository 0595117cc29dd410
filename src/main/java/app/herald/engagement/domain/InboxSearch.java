package app.herald.engagement.domain;

import app.herald.content.domain.Network;
import app.herald.publishing.domain.InteractionKind;
import java.io.Serializable;
import java.time.Instant;

/**
 * What a person narrows the inbox to; every field may be left empty (null). {@code assignee} 0 means "nobody";
 * {@code answersOwnPost} keeps only threads under one of the client's own posts; {@code from} and {@code until}
 * bound the last activity.
 */
public record InboxSearch(String words, ConversationState state, Network network, Long channelId,
                          InteractionKind kind, Long assignee, String tag, Boolean answersOwnPost, Priority priority,
                          Instant from, Instant until) implements Serializable {

    public static final long NOBODY = 0;

    public static InboxSearch everything() {
        return new InboxSearch(null, null, null, null, null, null, null, null, null, null, null);
    }

    public static InboxSearch inState(ConversationState state) {
        return new InboxSearch(null, state, null, null, null, null, null, null, null, null, null);
    }
}
