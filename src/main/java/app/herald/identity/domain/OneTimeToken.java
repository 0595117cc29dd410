package app.herald.identity.domain;

import app.herald.kernel.RuleViolation;
import app.herald.kernel.Secrets;
import app.herald.kernel.SingleUseSecret;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
@NamedQuery(name = "OneTimeToken.byHash", query = "SELECT t FROM OneTimeToken t WHERE t.secret.tokenHash = :hash")
@NamedQuery(name = "OneTimeToken.openOfUser",
        query = "SELECT t FROM OneTimeToken t WHERE t.userId = :userId AND t.purpose = :purpose AND t.secret.usedAt IS NULL")
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

    @Embedded
    private SingleUseSecret secret;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected OneTimeToken() {
    }

    /** The new token and the secret to put in the link; the secret is not kept. */
    public record Issued(OneTimeToken token, String secret) {
    }

    public static Issued issue(long userId, Purpose purpose, Duration validity, Instant now) {
        SingleUseSecret.Issued issued = SingleUseSecret.issue(validity, now);
        OneTimeToken token = new OneTimeToken();
        token.userId = userId;
        token.purpose = purpose;
        token.secret = issued.stored();
        token.createdAt = now.toEpochMilli();
        return new Issued(token, issued.secret());
    }

    public static String hash(String secret) {
        return Secrets.sha256(secret);
    }

    /** Checks that the link may still be used, for the given purpose, without using it. */
    public void checkUsable(Purpose expected, Instant now) {
        if (purpose != expected) {
            throw new RuleViolation("This link is not valid.");
        }
        if (secret.isUsed()) {
            throw new RuleViolation("This link has already been used. Ask for a new one if you still need it.");
        }
        if (secret.isExpiredAt(now)) {
            throw new RuleViolation("This link has expired. Ask for a new one.");
        }
    }

    public void use(Purpose expected, Instant now) {
        checkUsable(expected, now);
        secret.markUsed(now);
    }

    /** Withdraws an open token, as when a newer one is sent. */
    public void revoke(Instant now) {
        secret.markUsed(now);
    }

    public long getUserId() {
        return userId;
    }

    public Purpose getPurpose() {
        return purpose;
    }

    public Instant getExpiresAt() {
        return secret.getExpiresAt();
    }

    public boolean isUsed() {
        return secret.isUsed();
    }
}
