package app.herald.content.domain;

/**
 * Fired inside the transaction that connected a channel to its account (or added a Sandbox channel, which needs no
 * sign-in), so that what reads from the account (the inbox) starts with the same commit, without content knowing who
 * listens.
 */
public record ChannelConnected(long tenantId, long channelId) {
}
