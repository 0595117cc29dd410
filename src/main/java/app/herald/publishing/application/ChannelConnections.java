package app.herald.publishing.application;

import app.herald.content.application.Channels;
import app.herald.content.domain.Channel;
import app.herald.content.domain.ChannelConnected;
import app.herald.content.domain.Network;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.net.OutboundGuard;
import app.herald.kernel.Secrets;
import app.herald.publishing.domain.ChannelAccess;
import app.herald.publishing.infrastructure.CredentialVault;
import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.application.TenantContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Connecting a channel to its account: where the network is, and the sign-in Herald keeps encrypted. Reconnecting
 * keeps what the new sign-in does not replace (a network that sends no new refresh token leaves the old one). The
 * network is asked in between, outside any transaction ({@link ConfirmedConnections}).
 */
@Stateless
public class ChannelConnections {

    @Inject
    Channels channels;
    @Inject
    CredentialVault vault;
    @Inject
    TenantContext context;
    @Inject
    TenantAuditLog audit;
    @Inject
    ChannelKeys keys;
    @Inject
    Event<ChannelConnected> connected;
    @Inject
    NetworkAccounts accounts;

    /**
     * What connecting would sign in with, for the network to confirm before anything is stored: the channel's new
     * address and its credentials, the typed ones over those kept from before. Writes nothing.
     */
    public Proposal propose(Actor actor, long channelId, String endpoint, Map<String, String> credentials) {
        requireWriter(actor);
        Channel channel = channels.find(channelId);
        String address = endpoint == null || endpoint.isBlank() ? null : requireAddress(endpoint);
        if (address == null && needsAddress(channel.getNetwork())) {
            throw new RuleViolation(channel.getNetwork().label() + " needs the address of "
                    + (channel.getNetwork() == Network.WEBHOOK ? "the URL that receives posts." : "the server."));
        }
        Map<String, String> kept = new HashMap<>(vault.open(context.current().id(), channelId, channel.getCredentials()));
        credentials.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                kept.put(k, v.strip());
            }
        });
        ChannelAccess access = keys.open(channel, address, kept);
        return new Proposal(channel.getNetwork(), address, kept, access);
    }

    /** Stores a connection the network confirmed (or, for a network sign-in, that its token exchange proved). */
    public Channel connect(Actor actor, long channelId, String address, Map<String, String> credentials,
                           String networkAccount) {
        requireWriter(actor);
        Channel channel = channels.find(channelId);
        channel.connect(address, vault.seal(context.current().id(), channelId, credentials), networkAccount, Instant.now());
        audit.record(actor.email(), "CHANNEL_CONNECTED", "channel " + channelId,
                channel.label() + " as " + networkAccount + (address == null ? "" : " at " + address));
        String accountId = credentials.get("account_id");
        if (accountId != null && !accountId.isBlank()) {
            accounts.connected(channel.getNetwork(), accountId, context.current().id(), channelId);
        }
        connected.fire(new ChannelConnected(context.current().id(), channelId));
        return channel;
    }

    /** A webhook channel's new signing secret, before its receiver confirmed it. */
    public String newWebhookSecret(Actor actor, long channelId) {
        requireWriter(actor);
        if (channels.find(channelId).getNetwork() != Network.WEBHOOK) {
            throw new RuleViolation("Only webhook channels have a signing secret.");
        }
        return Secrets.newSecret();
    }

    /** A connection waiting for the network's confirmation; {@code access} is what the connector is asked with. */
    public record Proposal(Network network, String address, Map<String, String> credentials, ChannelAccess access) {
    }

    public Channel disconnect(Actor actor, long channelId) {
        requireWriter(actor);
        Channel channel = channels.find(channelId);
        channel.disconnect();
        accounts.disconnected(context.current().id(), channelId);
        audit.record(actor.email(), "CHANNEL_DISCONNECTED", "channel " + channelId, channel.label());
        return channel;
    }

    private static boolean needsAddress(Network network) {
        return network == Network.MASTODON || network == Network.WEBHOOK;
    }

    /**
     * Only web addresses that Herald may call: no file:, no javascript:, nothing a browser or the JDK would open in
     * another way, and nothing inside the operator's network (the outbound guard, with its one message).
     */
    static String requireAddress(String endpoint) {
        try {
            URI uri = new URI(endpoint.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getUserInfo() != null
                    || endpoint.length() > 500) {
                throw new URISyntaxException(endpoint, "not an http(s) address");
            }
            OutboundGuard.check(uri);
            return uri.toString().replaceAll("/+$", "");
        } catch (URISyntaxException e) {
            throw new RuleViolation("\"" + endpoint + "\" is not a web address such as https://mastodon.social.");
        }
    }

    private static void requireWriter(Actor actor) {
        if (!actor.writesContent()) {
            throw new AccessDenied(actor.email() + " may not connect channels");
        }
    }
}
