package app.herald.kernel;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;

/**
 * The part every one-time link shares: the SHA-256 of its secret, when it expires and when it was used. The secret
 * itself goes into the link and is never stored.
 */
@Embeddable
public class SingleUseSecret implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    @Column(name = "used_at")
    private Long usedAt;

    protected SingleUseSecret() {
    }

    /** A new hashed record and the secret for the link. */
    public record Issued(SingleUseSecret stored, String secret) {
    }

    public static Issued issue(Duration validity, Instant now) {
        String secret = Secrets.newSecret();
        SingleUseSecret stored = new SingleUseSecret();
        stored.tokenHash = Secrets.sha256(secret);
        stored.expiresAt = now.plus(validity).toEpochMilli();
        return new Issued(stored, secret);
    }

    public boolean isUsed() {
        return usedAt != null;
    }

    public boolean isExpiredAt(Instant now) {
        return now.toEpochMilli() >= expiresAt;
    }

    public void markUsed(Instant now) {
        if (usedAt == null) {
            usedAt = now.toEpochMilli();
        }
    }

    public Instant getExpiresAt() {
        return Instant.ofEpochMilli(expiresAt);
    }
}
