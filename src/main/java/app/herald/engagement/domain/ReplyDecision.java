package app.herald.engagement.domain;

import app.herald.approval.domain.Decision;
import app.herald.approval.domain.RecordedDecision;
import app.herald.tenancy.domain.TenantSchemaProperty;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/** A stored decision of a reply's review: the same workflow and the same record as a post's. */
@Entity
@Table(name = "reply_decision")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantSchemaProperty.NAME)
@NamedQuery(name = "ReplyDecision.of", query = "SELECT d FROM ReplyDecision d WHERE d.replyId = :replyId ORDER BY d.id")
public class ReplyDecision extends RecordedDecision {

    private static final long serialVersionUID = 1L;

    @Column(name = "reply_id", nullable = false, updatable = false)
    private long replyId;

    protected ReplyDecision() {
    }

    public ReplyDecision(long replyId, String userName, Decision decision) {
        super(userName, decision);
        this.replyId = replyId;
    }

    public long getReplyId() {
        return replyId;
    }
}
