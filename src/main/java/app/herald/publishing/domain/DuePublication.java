package app.herald.publishing.domain;

import app.herald.content.domain.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A publication whose job came due, with what sending it needs, as a round that starts several clients'
 * publications at once reads it in plain SQL (ADR 0034): its state and times, the copy to send, and its channel with
 * the channel's state.
 *
 * @param version        the publication's version as read: marking it as being sent changes it only if unchanged
 * @param hasMedia       whether the copy carries media (read as the library's files, so not in such a round)
 */
public record DuePublication(long id, long postId, int version, PublicationState state, long dueAt,
                             Long nextAttemptAt, String idempotencyKey, SendingChannel channel, boolean connected,
                             Long rateLimitedUntil, String text, String firstComment, Long campaignId,
                             boolean hasMedia) {

    /** Publications due within this margin are sent now rather than put back. */
    public static final Duration EARLY_MARGIN = Duration.ofMillis(500);

    /**
     * Whether it simply goes out now, as {@link Delivery#start} and the channel's checks would let it with no more
     * than a first attempt: nothing was sent before (queued, or waiting for a retry), it is due, its channel is
     * connected and not resting after a rate limit, and it carries no media. Anything else (moved to a later time, a
     * channel that cannot be used, an earlier attempt to ask the network about) is started through the publication's
     * entity, which says why.
     */
    public boolean goesOutAsItIs(Instant now) {
        long nextDue = nextAttemptAt != null ? nextAttemptAt : dueAt;
        return state.isUnsent() && nextDue <= now.plus(EARLY_MARGIN).toEpochMilli() && connected
                && Channel.rateLimitedAt(rateLimitedUntil, now).isEmpty() && !hasMedia;
    }

    /** What goes out: the copy as written, under the key all of the publication's attempts share. */
    public Outgoing outgoing() {
        return new Outgoing(id, idempotencyKey, text, firstComment, List.of());
    }
}
