package app.herald.publishing.domain;

/**
 * Fired when a network says there is something new on a channel (a webhook arrived, a person acted as the Sandbox's
 * audience), inside the transaction that learned it: the inbox reads the channel at once rather than at its next
 * turn.
 */
public record ChannelActivity(long tenantId, long channelId) {
}
