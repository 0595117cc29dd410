package app.herald.content.domain;

import app.herald.kernel.RuleViolation;
import app.herald.kernel.Text;
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

/**
 * An image or video in the tenant's library. The bytes live in the tenant's directory under the data directory,
 * named by their SHA-256, which is also how the same file uploaded twice is recognised.
 */
@Entity
@Table(name = "media")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantSchemaProperty.NAME)
@NamedQuery(name = "MediaFile.all", query = "SELECT m FROM MediaFile m ORDER BY m.createdAt DESC, m.id DESC")
@NamedQuery(name = "MediaFile.bySha", query = "SELECT m FROM MediaFile m WHERE m.sha256 = :sha256")
@NamedQuery(name = "MediaFile.newestBelow", query = "SELECT m FROM MediaFile m WHERE m.id < :below ORDER BY m.id DESC")
@NamedQuery(name = "MediaFile.ids", query = "SELECT m.id FROM MediaFile m WHERE m.id IN :ids")
@NamedQuery(name = "MediaFile.byIds", query = "SELECT m FROM MediaFile m WHERE m.id IN :ids")
public class MediaFile implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Enumerated(EnumType.STRING)
    @Column(name = "media_type", nullable = false)
    private MediaType mediaType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    private Integer width;

    private Integer height;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected MediaFile() {
    }

    public MediaFile(String fileName, MediaType mediaType, long sizeBytes, Integer width, Integer height, String sha256,
                     String uploadedBy, Instant now) {
        this.fileName = cleanName(fileName, mediaType);
        this.mediaType = mediaType;
        this.sizeBytes = sizeBytes;
        this.width = width;
        this.height = height;
        this.sha256 = sha256;
        this.uploadedBy = uploadedBy;
        this.createdAt = now.toEpochMilli();
    }

    /** Keeps a readable name for people, never a path: directory parts and control characters are dropped. */
    static String cleanName(String name, MediaType type) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = Text.cleanFileName(base.substring(base.lastIndexOf('/') + 1)).replaceAll("[<>\"]", "").strip();
        if (base.isEmpty()) {
            base = "upload." + type.extension();
        }
        if (base.length() > 200) {
            throw new RuleViolation("The file's name has at most 200 characters; rename it and upload it again.");
        }
        return base;
    }

    public String describe() {
        String size = sizeBytes >= 1 << 20 ? String.format("%.1f MB", sizeBytes / 1048576.0) : (sizeBytes / 1024) + " KB";
        return mediaType + (width == null ? "" : ", " + width + "×" + height) + ", " + size;
    }

    public Long getId() {
        return id;
    }

    public String getFileName() {
        return fileName;
    }

    public MediaType getMediaType() {
        return mediaType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public Integer getWidth() {
        return width;
    }

    public Integer getHeight() {
        return height;
    }

    public String getSha256() {
        return sha256;
    }
}
