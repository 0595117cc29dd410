package app.herald.publishing.domain;

import java.time.Instant;

/**
 * A CDI event: a publication is now on its network. Fired inside the transaction that records it, so that observers
 * (analytics plans its measurements) commit or roll back with it. It carries the post's campaign (null when none) as
 * it was read before sending, so that no observer reads the post again.
 */
public record PublicationPublished(long tenantId, long publicationId, long postId, long channelId, Long campaignId,
                                   Instant publishedAt) {
}
