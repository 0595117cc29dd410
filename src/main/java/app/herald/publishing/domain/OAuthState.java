package app.herald.publishing.domain;

import app.herald.content.domain.Network;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.Secrets;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A sign-in at a social network that is under way: one person connecting one channel of one tenant. The random
 * state travels to the network and back; only its SHA-256 is kept. It is good for one return within ten minutes,
 * and only for the person who started it, so a callback link sent to someone else connects nothing.
 */
@Entity
@Table(name = "oauth_state")
@NamedQuery(name = "OAuthState.purge", query = "DELETE FROM OAuthState s WHERE s.createdAt < :before")
public class OAuthState {

    /** Long enough to read a consent screen and sign in with a second factor; short enough for a leaked link. */
    public static final Duration VALIDITY = Duration.ofMinutes(10);
    /** The same answer for unknown, forged and foreign states: none of them tells anything about the others. */
    public static final String NOT_VALID = "This sign-in link is not valid. Start the sign-in again from the channel's page.";

    @Id
    @Column(name = "state", length = 64)
    private String stateHash;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(name = "channel_id", nullable = false)
    private long channelId;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Network network;

    @Column(name = "code_verifier", nullable = false, length = 128)
    private String codeVerifier;

    @Column(length = 500)
    private String endpoint;

    @Column(name = "redirect_uri", nullable = false, length = 500)
    private String redirectUri;

    @Column(name = "app_credentials", length = 2000)
    private String appCredentials;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "used_at")
    private Long usedAt;

    protected OAuthState() {
    }

    /** The stored record and the state to send to the network; the state itself is not kept. */
    public record Started(OAuthState record, String state) {
    }

    public static Started start(long tenantId, long channelId, long userId, Network network, String redirectUri,
                                Instant now) {
        String state = Secrets.newSecret();
        OAuthState record = new OAuthState();
        record.stateHash = hash(state);
        record.tenantId = tenantId;
        record.channelId = channelId;
        record.userId = userId;
        record.network = network;
        // 256 random bits in base64url: 43 characters of the alphabet RFC 7636 allows for a verifier.
        record.codeVerifier = Secrets.newSecret();
        record.redirectUri = redirectUri;
        record.createdAt = now.toEpochMilli();
        return new Started(record, state);
    }

    /** What is stored for a state: anything at all is hashed, so a forged state costs what a real one does. */
    public static String hash(String state) {
        return Secrets.sha256(state == null ? "" : state);
    }

    /** A network with an app of its own per server (Mastodon): where the sign-in happens and the app, sealed. */
    public void atInstance(String instance, String sealedApp) {
        this.endpoint = instance;
        this.appCredentials = sealedApp;
    }

    public boolean belongsTo(long user) {
        return userId == user;
    }

    public boolean isExpiredAt(Instant now) {
        return now.toEpochMilli() >= createdAt + VALIDITY.toMillis();
    }

    public boolean isUsed() {
        return usedAt != null;
    }

    /**
     * Takes the state for the person who came back with it. Someone else's state is "not valid" and stays usable by
     * its owner; a used or expired one is refused with the reason.
     */
    public void use(long user, Instant now) {
        if (!belongsTo(user)) {
            throw new RuleViolation(NOT_VALID);
        }
        if (isUsed()) {
            throw new RuleViolation("This sign-in was already completed. Start it again from the channel's page if "
                    + "the channel is not connected.");
        }
        if (isExpiredAt(now)) {
            throw new RuleViolation("The sign-in took longer than " + VALIDITY.toMinutes() + " minutes. Start it "
                    + "again from the channel's page.");
        }
        usedAt = now.toEpochMilli();
    }

    public long getTenantId() {
        return tenantId;
    }

    public long getChannelId() {
        return channelId;
    }

    public long getUserId() {
        return userId;
    }

    public Network getNetwork() {
        return network;
    }

    public String getCodeVerifier() {
        return codeVerifier;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public String getRedirectUri() {
        return redirectUri;
    }

    public String getAppCredentials() {
        return appCredentials;
    }

    public Instant getCreatedAt() {
        return Instant.ofEpochMilli(createdAt);
    }
}
