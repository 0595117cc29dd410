package app.herald.publishing.domain;

import app.herald.content.domain.Network;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What Herald reads from a network and does to what it read: the listening half of a network, beside its
 * {@link NetworkConnector}, which also sends the answers (an {@link Outgoing} with a {@link ReplyTarget}). One
 * implementation per network that has an inbox, found through CDI. Every method is called outside any database
 * transaction and translates what the network answers instead of throwing.
 */
public interface NetworkInbox {

    Network network();

    /** The streams read one by one, each with a cursor of its own (such as "notifications" and "comments"). */
    List<String> streams();

    /**
     * Reads what came in on one stream after {@code cursor} (empty: the first reading), going back no further than
     * {@code lookBack} and taking at most {@code max} items. Reading the same items twice is harmless: Herald keeps
     * one per channel and item id.
     */
    InboxRead read(ChannelAccess channel, String stream, Optional<String> cursor, Instant lookBack, int max);

    /** What the network lets the client's account do to an item of this kind. */
    Set<Moderation> moderation(InteractionKind kind);

    /**
     * Does it on the network. {@code target} is the item's {@link ReplyTarget} as this inbox made it. Answers with
     * an empty result when done, or the reason in words.
     */
    Optional<String> moderate(ChannelAccess channel, Moderation action, ReplyTarget target);

    /** What this network's inbox cannot do, said plainly on the inbox screen (an API tier, a kind of account). */
    default Optional<String> limits() {
        return Optional.empty();
    }
}
