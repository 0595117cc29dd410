package app.herald.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One failed sign-in, counted against an account or a client address; kept in the database so every node sees it. */
@Entity
@Table(name = "login_failure")
@NamedQuery(name = "LoginFailure.since", query = "SELECT f.occurredAt FROM LoginFailure f "
        + "WHERE f.subjectKind = :kind AND f.subject = :subject AND f.occurredAt >= :since ORDER BY f.occurredAt")
@NamedQuery(name = "LoginFailure.clear", query = "DELETE FROM LoginFailure f WHERE f.subjectKind = :kind AND f.subject = :subject")
@NamedQuery(name = "LoginFailure.purge", query = "DELETE FROM LoginFailure f WHERE f.occurredAt < :before")
public class LoginFailure {

    public enum Kind { ACCOUNT, ADDRESS }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "subject_kind", nullable = false)
    private String subjectKind;

    @Column(nullable = false)
    private String subject;

    @Column(name = "occurred_at", nullable = false)
    private long occurredAt;

    protected LoginFailure() {
    }

    public LoginFailure(Kind kind, String subject, Instant when) {
        this.subjectKind = kind.name();
        this.subject = subject.length() > 254 ? subject.substring(0, 254) : subject;
        this.occurredAt = when.toEpochMilli();
    }
}
