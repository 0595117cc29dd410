package app.herald.approval.domain;

import app.herald.tenancy.domain.TenantSchemaProperty;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/** A stored {@link Decision} of a post's review. */
@Entity
@Table(name = "approval_decision")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantSchemaProperty.NAME)
@NamedQuery(name = "DecisionRecord.ofPost", query = "SELECT d FROM DecisionRecord d WHERE d.postId = :postId ORDER BY d.id")
public class DecisionRecord extends RecordedDecision {

    private static final long serialVersionUID = 1L;

    @Column(name = "post_id", nullable = false)
    private long postId;

    protected DecisionRecord() {
    }

    public DecisionRecord(long postId, String userName, Decision decision) {
        super(userName, decision);
        this.postId = postId;
    }

    public long getPostId() {
        return postId;
    }
}
