package app.herald.content.domain;

import app.herald.kernel.RuleViolation;
import app.herald.kernel.SingleUseSecret;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A link e-mailed to a client approver that opens exactly one post of one tenant, without a password, until it
 * expires or a decision is made with it. Only the SHA-256 of its secret is kept.
 */
@Entity
@Table(name = "review_link")
@NamedQuery(name = "ReviewLink.byHash", query = "SELECT l FROM ReviewLink l WHERE l.secret.tokenHash = :hash")
public class ReviewLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Embedded
    private SingleUseSecret secret;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(name = "post_id", nullable = false)
    private long postId;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected ReviewLink() {
    }

    /** The new link and the secret to put in the e-mail; the secret is not kept. */
    public record Issued(ReviewLink link, String secret) {
    }

    public static Issued issue(long tenantId, long postId, long userId, Duration validity, Instant now) {
        SingleUseSecret.Issued issued = SingleUseSecret.issue(validity, now);
        ReviewLink link = new ReviewLink();
        link.secret = issued.stored();
        link.tenantId = tenantId;
        link.postId = postId;
        link.userId = userId;
        link.createdAt = now.toEpochMilli();
        return new Issued(link, issued.secret());
    }

    public void checkUsable(Instant now) {
        if (secret.isUsed()) {
            throw new RuleViolation("A decision was already made with this link. Sign in to see the post.");
        }
        if (secret.isExpiredAt(now)) {
            throw new RuleViolation("This review link has expired. Sign in to review the post.");
        }
    }

    public void use(Instant now) {
        checkUsable(now);
        secret.markUsed(now);
    }

    public long getTenantId() {
        return tenantId;
    }

    public long getPostId() {
        return postId;
    }

    public long getUserId() {
        return userId;
    }
}
