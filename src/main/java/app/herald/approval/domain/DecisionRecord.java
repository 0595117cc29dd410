package app.herald.approval.domain;

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

/** A stored {@link Decision} of a post's review, with the name of who made it as it was then. */
@Entity
@Table(name = "approval_decision")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantSchemaProperty.NAME)
@NamedQuery(name = "DecisionRecord.ofPost", query = "SELECT d FROM DecisionRecord d WHERE d.postId = :postId ORDER BY d.id")
public class DecisionRecord implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "post_id", nullable = false)
    private long postId;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "user_name", nullable = false)
    private String userName;

    @Column(name = "decided_at", nullable = false)
    private long decidedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Decision.Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", nullable = false)
    private PostState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false)
    private PostState toState;

    @Column(nullable = false)
    private int step;

    private String comment;

    protected DecisionRecord() {
    }

    public DecisionRecord(long postId, String userName, Decision decision) {
        this.postId = postId;
        this.userId = decision.userId();
        this.userName = userName;
        this.decidedAt = decision.at().toEpochMilli();
        this.kind = decision.kind();
        this.fromState = decision.from();
        this.toState = decision.to();
        this.step = decision.step();
        this.comment = decision.comment();
    }

    public Decision toDecision() {
        return new Decision(userId, Instant.ofEpochMilli(decidedAt), kind, fromState, toState, step, comment);
    }

    public String getUserName() {
        return userName;
    }

    public Instant getDecidedAt() {
        return Instant.ofEpochMilli(decidedAt);
    }

    public Decision.Kind getKind() {
        return kind;
    }

    public PostState getFromState() {
        return fromState;
    }

    public PostState getToState() {
        return toState;
    }

    public String getComment() {
        return comment;
    }
}
