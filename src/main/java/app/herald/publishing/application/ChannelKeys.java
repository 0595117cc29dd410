package app.herald.publishing.application;

import app.herald.content.domain.Channel;
import app.herald.kernel.crypto.TokenCipher;
import app.herald.publishing.domain.ChannelAccess;
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
        return open(channel, channel.getEndpoint(),
                vault.open(context.current().id(), channel.getId(), channel.getCredentials()));
    }

    /** The same for credentials and an address not stored yet (a connection the network is to confirm). */
    public ChannelAccess open(Channel channel, String address, Map<String, String> own) {
        Map<String, String> credentials = new HashMap<>(apps.appCredentials(channel.getNetwork()));
        credentials.putAll(own);
        String endpoint = address != null ? address : apps.apiBase(channel.getNetwork());
        // A network's own id for the account (found when it was connected) wins over the handle people typed.
        String account = credentials.getOrDefault("account_id", channel.getHandle());
        return new ChannelAccess(channel.getId(), endpoint, account, credentials);
    }

    /** Whether {@link #keepRenewed} would write: the connector renewed a token, or the key ring moved on. */
    public boolean needsKeeping(Channel channel, ChannelAccess access) {
        return !access.renewed().isEmpty() || vault.isStale(channel.getCredentials());
    }

    /** Stores tokens the connector renewed (and re-seals credentials under the current key); in the caller's transaction. */
    public void keepRenewed(Channel channel, ChannelAccess access) {
        if (!needsKeeping(channel, access)) {
            return;
        }
        Map<String, String> renewed = access.renewed();
        Map<String, String> own = new HashMap<>(vault.open(context.current().id(), channel.getId(),
                channel.getCredentials()));
        own.putAll(renewed);
        channel.renewCredentials(vault.seal(context.current().id(), channel.getId(), own));
    }
}
