package app.herald.publishing.application;

import app.herald.content.domain.Channel;
import app.herald.content.domain.Network;
import app.herald.kernel.crypto.TokenCipher;
import app.herald.publishing.domain.ChannelAccess;
import app.herald.publishing.domain.SendingChannel;
import app.herald.publishing.infrastructure.CredentialVault;
import app.herald.tenancy.application.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/**
 * Opens a connected channel for a connector call (the app's keys, the account's decrypted tokens, the network
 * address) and keeps tokens the network renewed during the call. Shared by publishing and measuring.
 */
@ApplicationScoped
public class ChannelKeys {

    @Inject
    TenantContext context;
    @Inject
    CredentialVault vault;
    @Inject
    NetworkApps apps;

    /** What a connector needs to act for the channel; throws when its credentials cannot be decrypted. */
    public ChannelAccess open(Channel channel) throws TokenCipher.CannotDecrypt {
        return open(context.current().id(), SendingChannel.of(channel));
    }

    /**
     * The same for a channel read without its entity, of the given client (no client need be bound: a round that
     * starts several clients' publications opens each one's channel, ADR 0034).
     */
    public ChannelAccess open(long tenantId, SendingChannel channel) throws TokenCipher.CannotDecrypt {
        return open(channel.id(), channel.network(), channel.handle(), channel.endpoint(),
                vault.open(tenantId, channel.id(), channel.sealedCredentials()));
    }

    /** The same for credentials and an address not stored yet (a connection the network is to confirm). */
    public ChannelAccess open(Channel channel, String address, Map<String, String> own) {
        return open(channel.getId(), channel.getNetwork(), channel.getHandle(), address, own);
    }

    private ChannelAccess open(long channelId, Network network, String handle, String address,
                               Map<String, String> own) {
        Map<String, String> credentials = new HashMap<>(apps.appCredentials(network));
        credentials.putAll(own);
        String endpoint = address != null ? address : apps.apiBase(network);
        // A network's own id for the account (found when it was connected) wins over the handle people typed.
        String account = credentials.getOrDefault("account_id", handle);
        return new ChannelAccess(channelId, endpoint, account, credentials);
    }

    /** Whether {@link #keepRenewed} would write: the connector renewed a token, or the key ring moved on. */
    public boolean needsKeeping(SendingChannel channel, ChannelAccess access) {
        return needsKeeping(channel.sealedCredentials(), access);
    }

    private boolean needsKeeping(String sealedCredentials, ChannelAccess access) {
        return !access.renewed().isEmpty() || vault.isStale(sealedCredentials);
    }

    /** Stores tokens the connector renewed (and re-seals credentials under the current key); in the caller's transaction. */
    public void keepRenewed(Channel channel, ChannelAccess access) {
        if (!needsKeeping(channel.getCredentials(), access)) {
            return;
        }
        Map<String, String> renewed = access.renewed();
        Map<String, String> own = new HashMap<>(vault.open(context.current().id(), channel.getId(),
                channel.getCredentials()));
        own.putAll(renewed);
        channel.renewCredentials(vault.seal(context.current().id(), channel.getId(), own));
    }
}
