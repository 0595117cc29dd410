package app.herald.identity.domain;

import app.herald.kernel.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A Herald account as an agency's identity provider knows it. The provider's (issuer, subject) pair names the person
 * for good; the e-mail address it reports may change hands, so it never finds an account on its own.
 */
@Entity
@Table(name = "user_identity")
@NamedQuery(name = "SignOnIdentity.of",
        query = "SELECT i FROM SignOnIdentity i WHERE i.issuer = :issuer AND i.subject = :subject")
@NamedQuery(name = "SignOnIdentity.ofUser", query = "SELECT i FROM SignOnIdentity i WHERE i.userId = :userId")
@NamedQuery(name = "SignOnIdentity.forgetOtherIssuers",
        query = "DELETE FROM SignOnIdentity i WHERE i.agencyId = :agencyId AND i.issuer <> :issuer")
@NamedQuery(name = "SignOnIdentity.forgetAgency", query = "DELETE FROM SignOnIdentity i WHERE i.agencyId = :agencyId")
public class SignOnIdentity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(name = "agency_id", nullable = false, updatable = false)
    private long agencyId;

    @Column(nullable = false, updatable = false, length = 300)
    private String issuer;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Column(name = "linked_at", nullable = false, updatable = false)
    private long linkedAt;

    protected SignOnIdentity() {
    }

    public SignOnIdentity(long userId, long agencyId, String issuer, String subject, Instant now) {
        this.userId = userId;
        this.agencyId = agencyId;
        this.issuer = issuer;
        this.subject = checkSubject(subject);
        this.linkedAt = now.toEpochMilli();
    }

    /** OpenID Connect keeps a subject to 255 ASCII characters; anything else is not a provider's subject. */
    public static String checkSubject(String subject) {
        if (subject == null || subject.isEmpty() || subject.length() > 255
                || !subject.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new RuleViolation("Your identity provider sent an identifier Herald cannot keep.");
        }
        return subject;
    }

    public long getUserId() {
        return userId;
    }

    public long getAgencyId() {
        return agencyId;
    }

    public String getIssuer() {
        return issuer;
    }

    public String getSubject() {
        return subject;
    }

    public Instant getLinkedAt() {
        return Instant.ofEpochMilli(linkedAt);
    }
}
