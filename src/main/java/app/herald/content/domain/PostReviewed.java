package app.herald.content.domain;

/**
 * A CDI event: a review decision was recorded on a post (sent for review, approved, changes asked, rejected, ...).
 * Fired inside the transaction that recorded it, so that observers (outbound webhooks) commit or roll back with it.
 */
public record PostReviewed(long tenantId, long postId, String title, String kind, String from, String to,
                           String by, String comment) {
}
