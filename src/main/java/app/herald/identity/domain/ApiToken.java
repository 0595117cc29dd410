package app.herald.identity.domain;

import app.herald.kernel.RuleViolation;
import app.herald.kernel.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A key for the REST API that acts for one member of an agency, narrowed to some scopes and, optionally, to some
 * clients. The token itself is shown once; what is kept is its prefix (to find the row) and a keyed digest (to check
 * it). Whatever the token says, every request is also held to the member's current role and clients.
 */
@Entity
@Table(name = "api_token")
@NamedQuery(name = "ApiToken.byPrefix", query = "SELECT t FROM ApiToken t WHERE t.prefix = :prefix")
@NamedQuery(name = "ApiToken.ofAgency", query = "SELECT t FROM ApiToken t WHERE t.agencyId = :agency "
        + "ORDER BY t.id DESC")
public class ApiToken {

    public static final String MARK = "hrld_";
    public static final int PREFIX_LENGTH = 10;
    public static final int SECRET_LENGTH = 40;
    public static final int MAX_NAME = 100;
    /** Tokens expire; a year is the longest an owner can choose. */
    public static final Duration LONGEST = Duration.ofDays(366);
    /** "Last used" is written at most this often, not on every request. */
    static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "agency_id", nullable = false)
    private long agencyId;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String prefix;

    @Column(nullable = false)
    private String digest;

    @Column(nullable = false)
    private String scopes;

    private String clients;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    @Column(name = "revoked_at")
    private Long revokedAt;

    @Column(name = "last_used_at")
    private Long lastUsedAt;

    @Column(name = "last_used_from")
    private String lastUsedFrom;

    protected ApiToken() {
    }

    public ApiToken(long agencyId, long userId, String createdBy, String name, Collection<ApiScope> scopes,
                    Collection<Long> clients, Instant now, Instant expiresAt, String prefix) {
        this.name = Text.name("A token's name", name, MAX_NAME);
        if (scopes.isEmpty()) {
            throw new RuleViolation("Choose at least one scope: what the token may be used for.");
        }
        if (expiresAt == null || !expiresAt.isAfter(now)) {
            throw new RuleViolation("A token's expiry must be a day in the future.");
        }
        if (expiresAt.isAfter(now.plus(LONGEST))) {
            throw new RuleViolation("A token lasts at most a year; choose an earlier expiry.");
        }
        this.agencyId = agencyId;
        this.userId = userId;
        this.createdBy = createdBy;
        this.scopes = ApiScope.toColumn(scopes);
        this.clients = clients.isEmpty() ? null
                : new TreeSet<>(clients).stream().map(String::valueOf).collect(Collectors.joining(","));
        this.createdAt = now.toEpochMilli();
        this.expiresAt = expiresAt.toEpochMilli();
        this.prefix = prefix;
        this.digest = "";
    }

    /** The context a token's digest is bound to, so that a digest copied to another row checks nothing. */
    public String digestContext() {
        return "herald:api-token:" + prefix;
    }

    public void keepDigest(String keyedDigest) {
        this.digest = keyedDigest;
    }

    /** Why this token opens nothing at this instant, if it does not. */
    public Optional<String> refusal(Instant now) {
        if (revokedAt != null) {
            return Optional.of("This token was revoked.");
        }
        if (!now.isBefore(Instant.ofEpochMilli(expiresAt))) {
            return Optional.of("This token has expired.");
        }
        return Optional.empty();
    }

    /** Notes a use, unless one was noted in the last minute from the same address (no write per request). */
    public boolean used(Instant now, String address) {
        boolean recent = lastUsedAt != null && now.toEpochMilli() - lastUsedAt < USE_RECORDED_EVERY.toMillis()
                && address.equals(lastUsedFrom);
        if (recent) {
            return false;
        }
        lastUsedAt = now.toEpochMilli();
        lastUsedFrom = address.length() > 64 ? address.substring(0, 64) : address;
        return true;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now.toEpochMilli();
        }
    }

    /**
     * The member's rights as the token narrows them: its clients (if it names some) among those the member sees now.
     */
    public Actor narrow(Actor member) {
        if (clients == null) {
            return member;
        }
        Set<Long> named = clientIds();
        Set<Long> reachable = member.allClients() ? named
                : named.stream().filter(member.limitedTo()::contains).collect(Collectors.toSet());
        return new Actor(member.userId(), member.email(), false, member.agencyId(), member.role(),
                member.clientOf(), false, reachable);
    }

    public Set<Long> clientIds() {
        if (clients == null) {
            return Set.of();
        }
        return Arrays.stream(clients.split(",")).map(Long::valueOf).collect(Collectors.toCollection(TreeSet::new));
    }

    public Long getId() {
        return id;
    }

    public long getAgencyId() {
        return agencyId;
    }

    public long getUserId() {
        return userId;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getName() {
        return name;
    }

    public String getPrefix() {
        return prefix;
    }

    public String getDigest() {
        return digest;
    }

    public Set<ApiScope> getScopes() {
        return ApiScope.fromColumn(scopes);
    }

    public boolean isForEveryClient() {
        return clients == null;
    }

    public Instant getCreatedAt() {
        return Instant.ofEpochMilli(createdAt);
    }

    public Instant getExpiresAt() {
        return Instant.ofEpochMilli(expiresAt);
    }

    public Optional<Instant> getRevokedAt() {
        return Optional.ofNullable(revokedAt).map(Instant::ofEpochMilli);
    }

    public Optional<Instant> getLastUsedAt() {
        return Optional.ofNullable(lastUsedAt).map(Instant::ofEpochMilli);
    }

    public Optional<String> getLastUsedFrom() {
        return Optional.ofNullable(lastUsedFrom);
    }
}
