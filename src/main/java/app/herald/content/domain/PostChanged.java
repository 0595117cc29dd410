package app.herald.content.domain;

/**
 * Fired inside the transaction that changed a post's state or time, so that what depends on it (the publishing
 * queue) follows in the same commit, without content knowing who listens.
 */
public record PostChanged(long postId) {
}
