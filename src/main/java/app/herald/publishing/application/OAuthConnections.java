package app.herald.publishing.application;

import app.herald.content.application.Channels;
import app.herald.content.domain.Channel;
import app.herald.content.domain.Network;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.web.PublicAddress;
import app.herald.publishing.domain.OAuthState;
import app.herald.publishing.infrastructure.CredentialVault;
import app.herald.publishing.infrastructure.OAuthProviders;
import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.application.TenantGate;
import app.herald.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Connecting a channel by signing in at its network (OAuth 2 authorization code): {@link #begin} sends the person to
 * the network's consent screen, {@link #complete} takes them back, exchanges the code and stores the tokens through
 * {@link ChannelConnections}. Holds no transaction itself: the network is called between short transactions, and
 * nothing about the channel changes unless the whole sign-in succeeded.
 */
@ApplicationScoped
public class OAuthConnections {

    /** Where every network sends the browser back; registered with each network's app. */
    public static final String CALLBACK = "/oauth/callback";

    private static final Logger LOG = Logger.getLogger(OAuthConnections.class.getName());

    /**
     * Where the browser goes after the callback, and what to tell the person there.
     *
     * @param tenantId  the tenant and channel of the sign-in, both null when the state told nothing (forged, unknown,
     *                  someone else's): then there is no page of theirs to go back to
     */
    public record Outcome(Long tenantId, Long channelId, boolean connected, String message) implements Serializable {
        private static final long serialVersionUID = 1L;

        static Outcome nowhere(String message) {
            return new Outcome(null, null, false, message);
        }

        static Outcome failed(OAuthState state, String message) {
            return new Outcome(state.getTenantId(), state.getChannelId(), false, message);
        }

        static Outcome connected(OAuthState state, String message) {
            return new Outcome(state.getTenantId(), state.getChannelId(), true, message);
        }

        public boolean hasChannel() {
            return tenantId != null && channelId != null;
        }
    }

    @Inject
    TenantContext context;
    @Inject
    TenantGate gate;
    @Inject
    Channels channels;
    @Inject
    ChannelConnections connections;
    @Inject
    NetworkApps apps;
    @Inject
    OAuthProviders providers;
    @Inject
    OAuthStates states;
    @Inject
    CredentialVault vault;
    @Inject
    PublicAddress address;
    @Inject
    TenantAuditLog audit;

    /**
     * Starts a sign-in for a channel of the current tenant and gives the network address to send the browser to.
     *
     * @param mastodonInstance the server to sign in at, for a Mastodon channel (else the channel's stored one)
     */
    public String begin(Actor actor, long channelId, String mastodonInstance) {
        if (!actor.writesContent()) {
            throw new AccessDenied(actor.email() + " may not connect channels");
        }
        TenantRef tenant = context.current();
        Channel channel = channels.find(channelId);
        Network network = channel.getNetwork();
        if (!signsIn(network)) {
            throw new RuleViolation(network.label() + " channels are not connected by signing in at the network.");
        }
        if (!apps.isConfigured(network)) {
            throw new RuleViolation("Signing in with " + network.label() + " is not set up on this Herald yet: the "
                    + "platform admin sets " + String.join(" and ", apps.missingKeys(network)) + ".");
        }
        if (network == Network.LINKEDIN && !channel.getHandle().matches("^urn:li:(organization|person):[A-Za-z0-9_-]+$")) {
            // LinkedIn posts as an author URN, which the channel's handle must be; no API call can guess which page.
            throw new RuleViolation("A LinkedIn channel's handle is the author it posts as: urn:li:organization:<id> "
                    + "for a page, urn:li:person:<id> for a member. Add the channel with that handle, then sign in.");
        }
        String redirect = redirectUri();
        Instant now = Instant.now();
        OAuthState.Started started = OAuthState.start(tenant.id(), channelId, actor.userId(), network, redirect, now);
        OAuthProviders.App app;
        if (network == Network.MASTODON) {
            String instance = mastodonInstance(mastodonInstance, channel);
            OAuthProviders.Registered registered = providers.registerMastodonApp(instance, redirect, address.link("/"),
                    apps.scopes(Network.MASTODON, null));
            started.record().atInstance(instance, vault.seal(tenant.id(), channelId,
                    Map.of("client_id", registered.clientId(), "client_secret", registered.clientSecret())));
            app = apps.mastodonApp(instance, registered.clientId(), registered.clientSecret());
        } else {
            app = apps.oauthApp(network, channel.getHandle());
        }
        states.save(started.record(), now);
        return providers.authorizationUrl(app, started.state(), redirect, started.record().getCodeVerifier());
    }

    /**
     * Finishes a sign-in the signed-in person started: the state must be theirs, unused and at most ten minutes old.
     * A refusal at the network ({@code error}) or any failure changes nothing and says why.
     */
    public Outcome complete(String state, String code, String error, Actor signedIn) {
        OAuthStates.Taken taken = states.take(state, signedIn.userId(), Instant.now());
        if (taken.state().isEmpty()) {
            LOG.info(() -> "Refused an OAuth callback for " + signedIn.email() + ": unknown state");
            return Outcome.nowhere(taken.refusal().orElse(OAuthState.NOT_VALID));
        }
        OAuthState flow = taken.state().get();
        Network network = flow.getNetwork();
        if (taken.refusal().isPresent()) {
            return Outcome.failed(flow, taken.refusal().get());
        }
        if (error != null && !error.isBlank()) {
            return Outcome.failed(flow, declined(network, error));
        }
        if (code == null || code.isBlank()) {
            return Outcome.failed(flow, network.label() + " sent no authorization code. Nothing was changed: start "
                    + "the sign-in again.");
        }
        if (!signedIn.writesContent()) {
            return Outcome.failed(flow, "You may no longer connect channels. Nothing was changed.");
        }
        try {
            gate.enter(signedIn, flow.getTenantId());
            Channel channel = channels.find(flow.getChannelId());
            OAuthProviders.App app = network == Network.MASTODON ? mastodonApp(flow)
                    : apps.oauthApp(network, channel.getHandle());
            OAuthProviders.Grant grant = providers.exchange(app, code, flow.getRedirectUri(), flow.getCodeVerifier(),
                    channel.getHandle());
            String endpoint = network == Network.MASTODON ? flow.getEndpoint() : channel.getEndpoint();
            // The token exchange itself proved the sign-in, and named the account.
            ChannelConnections.Proposal proposal = connections.propose(signedIn, channel.getId(), endpoint,
                    grant.credentials());
            connections.connect(signedIn, channel.getId(), proposal.address(), proposal.credentials(), grant.account());
            audit.record(signedIn.email(), "CHANNEL_SIGNED_IN", "channel " + channel.getId(),
                    channel.label() + ": signed in at " + network.label() + " as " + grant.account());
            return Outcome.connected(flow, "Connected as " + grant.account() + " on " + network.label()
                    + ". Herald publishes to this channel from now on.");
        } catch (AccessDenied e) {
            // Access to the client ended while the person was at the network: nothing of it is shown.
            return Outcome.nowhere(OAuthState.NOT_VALID);
        } catch (RuleViolation e) {
            LOG.info(() -> "OAuth sign-in for channel " + flow.getChannelId() + " of tenant " + flow.getTenantId()
                    + " failed: " + e.getMessage());
            return Outcome.failed(flow, e.getMessage());
        }
    }

    public boolean signsIn(Network network) {
        return OAuthProviders.SIGN_IN.contains(network);
    }

    public boolean isReady(Network network) {
        return signsIn(network) && apps.isConfigured(network);
    }

    /** The configuration keys the platform admin still has to set before people can sign in at the network. */
    public List<String> missingConfiguration(Network network) {
        return apps.missingKeys(network);
    }

    /** The address each network's app must list as its redirect (callback) URL. */
    public String redirectUri() {
        return address.link(CALLBACK);
    }

    private static String mastodonInstance(String given, Channel channel) {
        String instance = given != null && !given.isBlank() ? given : channel.getEndpoint();
        if (instance == null || instance.isBlank()) {
            throw new RuleViolation("Enter the address of the Mastodon server, such as https://mastodon.social, then "
                    + "sign in.");
        }
        return ChannelConnections.requireAddress(instance);
    }

    private OAuthProviders.App mastodonApp(OAuthState flow) {
        Map<String, String> registered = vault.open(flow.getTenantId(), flow.getChannelId(), flow.getAppCredentials());
        return apps.mastodonApp(flow.getEndpoint(), registered.getOrDefault("client_id", ""),
                registered.getOrDefault("client_secret", ""));
    }

    /** The network's error code is shown only when it looks like one (RFC 6749 codes are short ASCII words). */
    private static String declined(Network network, String error) {
        if (error.equals("access_denied")) {
            return "Herald was not given access at " + network.label() + ". Nothing was changed.";
        }
        String shown = error.matches("^[A-Za-z0-9_.-]{1,64}$") ? " (" + error + ")" : "";
        return network.label() + " did not complete the sign-in" + shown + ". Nothing was changed: start the sign-in "
                + "again.";
    }
}
