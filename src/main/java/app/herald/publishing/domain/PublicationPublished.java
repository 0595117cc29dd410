package app.herald.publishing.domain;

import java.time.Instant;

/**
 * A CDI event: a publication is now on its network. Fired inside the transaction that records it, so that observers
 * (analytics plans its measurements) commit or roll back with it.
 */
public record PublicationPublished(long tenantId, long publicationId, long postId, long channelId,
                                   Instant publishedAt) {
}
