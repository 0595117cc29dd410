package app.herald.approval.domain;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.io.Serializable;
import java.time.Instant;

/**
 * A stored {@link Decision} with the name of who made it as it was then. Each reviewed thing keeps its decisions in
 * a table of its own (a post's, an inbox reply's), with a key to what was decided; these are the columns they share.
 */
@MappedSuperclass
public abstract class RecordedDecision implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

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

    @Column
    private String comment;

    protected RecordedDecision() {
    }

    protected RecordedDecision(String userName, Decision decision) {
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

    public Long getId() {
        return id;
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
