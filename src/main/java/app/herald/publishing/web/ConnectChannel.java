package app.herald.publishing.web;

import app.herald.content.application.Channels;
import app.herald.content.domain.Channel;
import app.herald.content.domain.Network;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.web.Feedback;
import app.herald.kernel.web.Pages;
import app.herald.publishing.application.ChannelConnections;
import app.herald.publishing.application.ConfirmedConnections;
import app.herald.publishing.application.OAuthConnections;
import app.herald.tenancy.web.ClientAccess;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Connecting one channel to its account (/client/connect.xhtml?client=ID&channel=ID): the fields each network needs.
 * Networks with OAuth 2 are connected by signing in there ({@link OAuthConnections}); pasting a token stays as the
 * fallback. Secrets typed here are stored encrypted and never shown again; a webhook's signing secret is shown once.
 */
@Named
@ViewScoped
public class ConnectChannel implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClientAccess access;
    @Inject
    Channels channels;
    @Inject
    ChannelConnections connections;
    @Inject
    ConfirmedConnections confirmed;
    @Inject
    OAuthConnections oauth;

    private String channelParam;
    private String oauthParam;
    private Channel channel;
    private String endpoint;
    private String accessToken;
    private String refreshToken;
    private String appPassword;
    private String shownSecret;

    public void open() {
        if (!access.open()) {
            return;
        }
        try {
            channel = channels.find(Pages.id(channelParam).orElseThrow(() -> new AccessDenied("No channel id")));
            endpoint = channel.getEndpoint() != null ? channel.getEndpoint()
                    : channel.getNetwork() == Network.BLUESKY ? "https://bsky.social" : null;
        } catch (AccessDenied | RuleViolation e) {
            // Another client's channel and no channel at all look the same.
            Pages.notFound();
            return;
        }
        showSignInOutcome();
    }

    /** Back from the network's consent screen: what the callback found, once, and only on its own channel's page. */
    private void showSignInOutcome() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        OAuthCallbackServlet.takeOutcome(external.getSessionMap(), oauthParam)
                .filter(o -> o.channelId().equals(channel.getId()) && o.tenantId() == access.getClient().id())
                .ifPresent(o -> {
                    if (o.connected()) {
                        Feedback.info(o.message());
                    } else {
                        Feedback.error(o.message());
                    }
                });
    }

    /** Sends the browser to the network's consent screen; it comes back through the OAuth callback. */
    public void signIn() {
        String[] target = new String[1];
        if (Feedback.attempt(() -> target[0] = oauth.begin(access.enter(), channel.getId(), endpoint), null)) {
            FacesContext faces = FacesContext.getCurrentInstance();
            try {
                faces.getExternalContext().redirect(target[0]);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            faces.responseComplete();
        }
    }

    public void connect() {
        Map<String, String> credentials = new HashMap<>();
        credentials.put("access_token", accessToken);
        credentials.put("refresh_token", refreshToken);
        credentials.put("app_password", appPassword);
        if (Feedback.attempt(() -> {
            channel = confirmed.connect(access.enter(), channel.getId(), endpoint, credentials);
            Feedback.info("Connected as " + channel.getSignedInAs() + ". Herald publishes to this channel from now on.");
        }, null)) {
            accessToken = null;
            refreshToken = null;
            appPassword = null;
        }
    }

    public void newWebhookSecret() {
        Feedback.attempt(() -> {
            shownSecret = confirmed.newWebhookSecret(access.enter(), channel.getId(), endpoint);
            channel = channels.find(channel.getId());
        }, "Connected: the receiver answered a signed test delivery. Copy the signing secret now: it is not shown again.");
    }

    public void disconnect() {
        Feedback.attempt(() -> channel = connections.disconnect(access.enter(), channel.getId()),
                "Disconnected: Herald keeps nothing of its sign-in.");
    }

    public boolean isNeedsEndpoint() {
        Network n = channel.getNetwork();
        return n == Network.MASTODON || n == Network.BLUESKY || n == Network.WEBHOOK;
    }

    public boolean isUsesToken() {
        Network n = channel.getNetwork();
        return n != Network.BLUESKY && n != Network.WEBHOOK && n != Network.SANDBOX;
    }

    /** The network connects by signing in there (its app may still need configuring). */
    public boolean isSignsIn() {
        return oauth.signsIn(channel.getNetwork());
    }

    public boolean isSignInReady() {
        return oauth.isReady(channel.getNetwork());
    }

    /** For the platform admin: the keys to set, and the redirect address to register with the network's app. */
    public List<String> getMissingConfiguration() {
        return oauth.missingConfiguration(channel.getNetwork());
    }

    public String getRedirectUri() {
        return oauth.redirectUri();
    }

    public boolean isUsesRefreshToken() {
        return channel.getNetwork() == Network.X || channel.getNetwork() == Network.LINKEDIN;
    }

    public ClientAccess getAccess() {
        return access;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getChannelParam() {
        return channelParam;
    }

    public void setChannelParam(String channelParam) {
        this.channelParam = channelParam;
    }

    public String getOauthParam() {
        return oauthParam;
    }

    public void setOauthParam(String oauthParam) {
        this.oauthParam = oauthParam;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getRefreshToken() {
        return refreshToken;
    }

    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }

    public String getAppPassword() {
        return appPassword;
    }

    public void setAppPassword(String appPassword) {
        this.appPassword = appPassword;
    }

    public String getShownSecret() {
        return shownSecret;
    }
}
