package app.herald.publishing.domain;

import app.herald.content.domain.Channel;
import app.herald.content.domain.Network;

/**
 * The channel a delivery goes out on, as read when sending began: what the call and its recording need of it (the
 * network, the account, the address, the sealed sign-in, the label the audit log names), and nothing that could be
 * changed through it. A round that starts several clients' publications reads it in plain SQL (ADR 0034); a
 * publication started alone takes it from its {@link Channel}.
 */
public record SendingChannel(long id, Network network, String handle, String label, String endpoint,
                             String sealedCredentials) {

    public static SendingChannel of(Channel channel) {
        return new SendingChannel(channel.getId(), channel.getNetwork(), channel.getHandle(), channel.label(),
                channel.getEndpoint(), channel.getCredentials());
    }
}
