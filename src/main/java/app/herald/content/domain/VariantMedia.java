package app.herald.content.domain;

import app.herald.tenancy.domain.TenantSchemaProperty;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/** A medium attached to a variant, at a position: the order the network will show them in. */
@Entity
@Table(name = "variant_media")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantSchemaProperty.NAME)
@NamedQuery(name = "VariantMedia.ofVariant",
        query = "SELECT a FROM VariantMedia a WHERE a.variantId = :variantId ORDER BY a.position")
@NamedQuery(name = "VariantMedia.ofVariants",
        query = "SELECT a FROM VariantMedia a WHERE a.variantId IN :variantIds ORDER BY a.variantId, a.position")
public class VariantMedia {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "variant_id", nullable = false)
    private long variantId;

    @Column(name = "media_id", nullable = false)
    private long mediaId;

    @Column(nullable = false)
    private int position;

    protected VariantMedia() {
    }

    public VariantMedia(long variantId, long mediaId, int position) {
        this.variantId = variantId;
        this.mediaId = mediaId;
        this.position = position;
    }

    public long getVariantId() {
        return variantId;
    }

    public long getMediaId() {
        return mediaId;
    }
}
