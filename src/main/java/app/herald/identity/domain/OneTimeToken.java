package app.herald.identity.domain;

import app.herald.kernel.RuleViolation;
import app.herald.kernel.Secrets;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A one-time, expiring link for an invitation or a password reset. The secret is sent by e-mail and only its
 * SHA-256 is kept, so a copy of the database opens nothing.
 */
@Entity
@Table(name = "one_time_token")
@NamedQuery(name = "OneTimeToken.byHash", query = "SELECT t FROM OneTimeToken t WHERE t.tokenHash = :hash")
@NamedQuery(name = "OneTimeToken.openOfUser",
        query = "SELECT t FROM OneTimeToken t WHERE t.userId = :userId AND t.purpose = :purpose AND t.usedAt IS NULL")
public class OneTimeToken {

    public enum Purpose { INVITATION, PASSWORD_RESET }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Purpose purpose;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    @Column(name = "used_at")
    private Long usedAt;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected OneTimeToken() {
    }

    /** The new token and the secret to put in the link; the secret is not kept. */
    public record Issued(OneTimeToken token, String secret) {
    }

    public static Issued issue(long userId, Purpose purpose, Duration validity, Instant now) {
        String secret = Secrets.newSecret();
        OneTimeToken token = new OneTimeToken();
        token.userId = userId;
        token.purpose = purpose;
        token.tokenHash = hash(secret);
        token.createdAt = now.toEpochMilli();
        token.expiresAt = now.plus(validity).toEpochMilli();
        return new Issued(token, secret);
    }

    public static String hash(String secret) {
        return Secrets.sha256(secret);
    }

    /** Checks that the link may still be used, for the given purpose, without using it. */
    public void checkUsable(Purpose expected, Instant now) {
        if (purpose != expected) {
            throw new RuleViolation("This link is not valid.");
        }
        if (usedAt != null) {
            throw new RuleViolation("This link has already been used. Ask for a new one if you still need it.");
        }
        if (now.toEpochMilli() >= expiresAt) {
            throw new RuleViolation("This link has expired. Ask for a new one.");
        }
    }

    public void use(Purpose expected, Instant now) {
        checkUsable(expected, now);
        usedAt = now.toEpochMilli();
    }

    /** Withdraws an open token, as when a newer one is sent. */
    public void revoke(Instant now) {
        if (usedAt == null) {
            usedAt = now.toEpochMilli();
        }
    }

    public long getUserId() {
        return userId;
    }

    public Purpose getPurpose() {
        return purpose;
    }

    public Instant getExpiresAt() {
        return Instant.ofEpochMilli(expiresAt);
    }

    public boolean isUsed() {
        return usedAt != null;
    }
}
