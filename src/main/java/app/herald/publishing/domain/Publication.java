package app.herald.publishing.domain;

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

/**
 * The attempt to put one variant of a post on one channel at its due time; how it goes out exactly once is its
 * {@link Delivery}.
 */
@Entity
@Table(name = "publication")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantSchemaProperty.NAME)
@NamedQuery(name = "Publication.ofPost", query = "SELECT p FROM Publication p WHERE p.postId = :postId ORDER BY p.id")
@NamedQuery(name = "Publication.ofPosts", query = "SELECT p FROM Publication p WHERE p.postId IN :postIds")
@NamedQuery(name = "Publication.inStates",
        query = "SELECT p FROM Publication p WHERE p.state IN :states ORDER BY p.dueAt DESC, p.id")
@NamedQuery(name = "Publication.countInStates", query = "SELECT COUNT(p) FROM Publication p WHERE p.state IN :states")
@NamedQuery(name = "Publication.withChannel",
        query = "SELECT p, c FROM Publication p, Channel c WHERE p.id = :id AND c.id = p.channelId")
@NamedQuery(name = "Publication.byNetworkIds",
        query = "SELECT p FROM Publication p WHERE p.channelId = :channelId AND p.networkPostId IN :networkIds")
public class Publication extends Delivery {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "post_id", nullable = false, updatable = false)
    private long postId;

    @Column(name = "channel_id", nullable = false, updatable = false)
    private long channelId;

    protected Publication() {
    }

    public Publication(long postId, long channelId, Instant due, Instant now) {
        super(due, now, false);
        this.postId = postId;
        this.channelId = channelId;
    }

    public Long getId() {
        return id;
    }

    public long getPostId() {
        return postId;
    }

    public long getChannelId() {
        return channelId;
    }
}
