package app.herald.content.domain;

import app.herald.kernel.RuleViolation;
import app.herald.kernel.Text;
import app.herald.tenancy.domain.TenantSchemaProperty;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/** A social account of the tenant that posts go to: a Mastodon account, a LinkedIn page, the Sandbox feed. */
@Entity
@Table(name = "channel")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantSchemaProperty.NAME)
@NamedQuery(name = "Channel.all", query = "SELECT c FROM Channel c ORDER BY c.network, c.handle")
@NamedQuery(name = "Channel.byHandle", query = "SELECT c FROM Channel c WHERE c.network = :network AND c.handle = :handle")
public class Channel implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Network network;

    @Column(nullable = false)
    private String handle;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "avatar_url")
    private String avatarUrl;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    /** The network's address for this account: a Mastodon instance, a Bluesky PDS, a webhook URL, an API base. */
    @Column
    private String endpoint;

    /** The account's sign-in, encrypted (see publishing's CredentialVault); never shown. */
    @Column
    private String credentials;

    @Column(name = "connected_at")
    private Long connectedAt;

    @Column(name = "connection_problem")
    private String connectionProblem;

    /** The account as the network named it when it confirmed the sign-in. */
    @Column(name = "signed_in_as")
    private String signedInAs;

    @Column(name = "rate_limited_until")
    private Long rateLimitedUntil;

    protected Channel() {
    }

    public Channel(Network network, String handle, String displayName, Instant now) {
        this.network = network;
        this.handle = requireHandle(handle);
        this.displayName = Text.optionalName("A channel's display name", displayName, 120).orElse(this.handle);
        this.active = true;
        this.createdAt = now.toEpochMilli();
    }

    private static String requireHandle(String handle) {
        String clean = Text.name("A channel's handle", handle, 120);
        if (clean.chars().anyMatch(Character::isWhitespace)) {
            throw new RuleViolation("A channel's handle is its account name, such as @acme@mastodon.social, "
                    + "without spaces and at most 120 characters.");
        }
        return clean;
    }

    private static String bounded(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    /** Stores the account's address and sealed sign-in; any earlier problem with the connection is over. */
    /** Connected with credentials the network confirmed, as the account it named. */
    public void connect(String newEndpoint, String sealedCredentials, String networkAccount, Instant now) {
        this.endpoint = newEndpoint == null || newEndpoint.isBlank() ? null : newEndpoint.strip();
        this.credentials = sealedCredentials;
        this.signedInAs = networkAccount == null ? null : bounded(networkAccount.strip(), 200);
        this.connectedAt = now.toEpochMilli();
        this.connectionProblem = null;
    }

    /** Keeps credentials the network renewed (a refreshed token) without touching the connection's history. */
    public void renewCredentials(String sealedCredentials) {
        this.credentials = sealedCredentials;
    }

    /** The network stopped accepting the sign-in: publishing to this channel waits for a reconnect. */
    public void connectionLost(String problem) {
        this.connectionProblem = bounded(problem, 1000);
    }

    /** The network asked this account to wait: nothing is sent to it before then. */
    public void rateLimitedUntil(Instant until) {
        this.rateLimitedUntil = until.toEpochMilli();
    }

    public java.util.Optional<Instant> rateLimitedAt(Instant now) {
        return rateLimitedAt(rateLimitedUntil, now);
    }

    /** The end of a rate limit (epoch milliseconds, or null) still running at {@code now}, also without the entity. */
    public static java.util.Optional<Instant> rateLimitedAt(Long until, Instant now) {
        return java.util.Optional.ofNullable(until).map(Instant::ofEpochMilli).filter(now::isBefore);
    }

    /** For screens: the end of a rate limit still running, or null. */
    public Instant getRateLimitedUntil() {
        return rateLimitedAt(Instant.now()).orElse(null);
    }

    public void disconnect() {
        this.credentials = null;
        this.signedInAs = null;
        this.connectedAt = null;
        this.connectionProblem = null;
    }

    public String getSignedInAs() {
        return signedInAs;
    }

    public boolean isConnected() {
        return isConnected(connectedAt, connectionProblem);
    }

    /** Connected and not stopped by the network, also where it is read without the entity. */
    public static boolean isConnected(Long connectedAt, String connectionProblem) {
        return connectedAt != null && connectionProblem == null;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public String getCredentials() {
        return credentials;
    }

    public java.util.Optional<Instant> getConnectedAt() {
        return java.util.Optional.ofNullable(connectedAt).map(Instant::ofEpochMilli);
    }

    public String getConnectionProblem() {
        return connectionProblem;
    }

    public String label() {
        return label(displayName, network);
    }

    /** How screens and the audit log name a channel, also where it is read without its entity. */
    public static String label(String displayName, Network network) {
        return displayName + " · " + network.label();
    }

    public Long getId() {
        return id;
    }

    public Network getNetwork() {
        return network;
    }

    public String getHandle() {
        return handle;
    }

    public String getDisplayName() {
        return displayName;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return Instant.ofEpochMilli(createdAt);
    }
}
