package app.herald.content.domain;

import app.herald.tenancy.domain.TenantSchemaProperty;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/** A variant's words as they were when the post was last approved. */
@Entity
@Table(name = "approved_variant")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantSchemaProperty.NAME)
@NamedQuery(name = "ApprovedVariant.ofPost", query = "SELECT a FROM ApprovedVariant a WHERE a.postId = :postId")
public class ApprovedVariant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "post_id", nullable = false)
    private long postId;

    @Column(name = "channel_id", nullable = false)
    private long channelId;

    @Column(nullable = false)
    private String text;

    @Column(name = "approved_at", nullable = false)
    private long approvedAt;

    protected ApprovedVariant() {
    }

    public ApprovedVariant(Variant variant, Instant when) {
        this.postId = variant.getPostId();
        this.channelId = variant.getChannelId();
        this.text = variant.getText();
        this.approvedAt = when.toEpochMilli();
    }

    public long getChannelId() {
        return channelId;
    }

    public String getText() {
        return text;
    }
}
