package app.herald.publishing.domain;

import app.herald.tenancy.domain.TenantSchemaProperty;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/**
 * A post on the Sandbox, Herald's built-in demo network. Its engagement is generated: believable, repeatable (the
 * same post always has the same curve) and growing with the post's age like real posts do, quickly at first.
 */
@Entity
@Table(name = "sandbox_post")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantSchemaProperty.NAME)
@NamedQuery(name = "SandboxPost.byKey", query = "SELECT s FROM SandboxPost s WHERE s.idempotencyKey = :key")
@NamedQuery(name = "SandboxPost.answersSince", query = "SELECT s FROM SandboxPost s WHERE s.channelId = :channelId "
        + "AND s.inReplyTo IS NOT NULL AND s.postedAt >= :since")
@NamedQuery(name = "SandboxPost.ofChannel",
        query = "SELECT s FROM SandboxPost s WHERE s.channelId = :channelId ORDER BY s.postedAt DESC, s.id DESC")
public class SandboxPost {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "channel_id", nullable = false)
    private long channelId;

    @Column(name = "idempotency_key", nullable = false, updatable = false)
    private String idempotencyKey;

    @Column(nullable = false)
    private String text;

    @Column(name = "media_count", nullable = false)
    private int mediaCount;

    @Column(name = "posted_at", nullable = false)
    private long postedAt;

    /** For an answer: what it answers (an incoming item's "in-" id, or another Sandbox post's id). */
    @Column(name = "in_reply_to")
    private String inReplyTo;

    protected SandboxPost() {
    }

    public SandboxPost(long channelId, String idempotencyKey, String text, int mediaCount, String inReplyTo,
                       Instant now) {
        this.channelId = channelId;
        this.idempotencyKey = idempotencyKey;
        this.text = text;
        this.mediaCount = mediaCount;
        this.inReplyTo = inReplyTo;
        this.postedAt = now.toEpochMilli();
    }

    public java.util.Optional<String> getInReplyTo() {
        return java.util.Optional.ofNullable(inReplyTo);
    }

    /** The generated numbers at the given instant: zero at posting, most of the total within the first day. */
    public Map<Metric, Long> engagementAt(Instant at) {
        double hours = Math.max(0, Duration.between(Instant.ofEpochMilli(postedAt), at).toMinutes() / 60.0);
        double grown = 1 - Math.exp(-hours / 10.0);
        long seed = idempotencyKey.hashCode() & 0x7fffffffL;
        double appeal = 0.6 + (seed % 1000) / 1000.0 * (mediaCount > 0 ? 1.6 : 1.0);
        long impressions = Math.round(1800 * appeal * grown);
        Map<Metric, Long> values = new EnumMap<>(Metric.class);
        values.put(Metric.IMPRESSIONS, impressions);
        values.put(Metric.REACH, Math.round(impressions * 0.72));
        values.put(Metric.LIKES, Math.round(impressions * (0.03 + (seed % 17) / 1000.0)));
        values.put(Metric.SHARES, Math.round(impressions * 0.006));
        values.put(Metric.REPLIES, Math.round(impressions * 0.004));
        values.put(Metric.LINK_CLICKS, text.contains("http") ? Math.round(impressions * 0.012) : 0L);
        return values;
    }

    public Long getId() {
        return id;
    }

    public long getChannelId() {
        return channelId;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public String getText() {
        return text;
    }

    public int getMediaCount() {
        return mediaCount;
    }

    public Instant getPostedAt() {
        return Instant.ofEpochMilli(postedAt);
    }
}
