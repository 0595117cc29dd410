package app.herald.publishing.domain;

/**
 * A CDI event: a publication failed for good (retries spent, or the network refused it). Fired inside the transaction
 * that records it, so that observers (outbound webhooks) commit or roll back with it.
 */
public record PublicationFailed(long tenantId, long publicationId, long postId, long channelId, String reason) {
}
