package app.herald.publishing.domain;

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
import java.time.Instant;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/**
 * Something the Sandbox's audience did to a Sandbox channel: a comment on one of its posts, an answer to its reply, a
 * mention, a message, a like, a repost, a follow. Made by the generated crowd ({@link SandboxCrowd}) or typed by a
 * person playing the audience on the Sandbox screen; the Sandbox inbox reads them like any network's notifications.
 */
@Entity
@Table(name = "sandbox_incoming")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantSchemaProperty.NAME)
@NamedQuery(name = "SandboxIncoming.after", query = "SELECT s FROM SandboxIncoming s WHERE s.channelId = :channelId "
        + "AND s.id > :after ORDER BY s.id")
@NamedQuery(name = "SandboxIncoming.lastGenerated", query = "SELECT MAX(s.occurredAt) FROM SandboxIncoming s "
        + "WHERE s.channelId = :channelId AND s.slotKey LIKE 'crowd:%'")
@NamedQuery(name = "SandboxIncoming.keys", query = "SELECT s.slotKey FROM SandboxIncoming s WHERE s.channelId = "
        + ":channelId AND s.slotKey IN :keys")
public class SandboxIncoming {

    /** Ids of the Sandbox's incoming items, as its inbox reports them, start with this; its own posts are numbers. */
    public static final String ITEM_PREFIX = "in-";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "channel_id", nullable = false, updatable = false)
    private long channelId;

    /** What made it, once: {@code crowd:<slot>}, {@code follow-up:<reply>} or {@code typed:<uuid>}. */
    @Column(name = "slot_key", nullable = false, updatable = false)
    private String slotKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private InteractionKind kind;

    @Column(nullable = false, updatable = false)
    private String person;

    @Column(nullable = false, updatable = false)
    private String body;

    /** What it answers: a Sandbox post's id, or an incoming item's "in-" id. */
    @Column(name = "parent_ref", updatable = false)
    private String parentRef;

    /** What a like or repost is of. */
    @Column(name = "subject_ref", updatable = false)
    private String subjectRef;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private long occurredAt;

    @Column(nullable = false)
    private boolean hidden;

    @Column(nullable = false)
    private boolean deleted;

    protected SandboxIncoming() {
    }

    public SandboxIncoming(long channelId, String slotKey, InteractionKind kind, String person, String body,
                           String parentRef, String subjectRef, Instant at) {
        this.channelId = channelId;
        this.slotKey = slotKey;
        this.kind = kind;
        this.person = person;
        this.body = body == null ? "" : body;
        this.parentRef = parentRef;
        this.subjectRef = subjectRef;
        this.occurredAt = at.toEpochMilli();
    }

    public void hide(boolean value) {
        this.hidden = value;
    }

    public void delete() {
        this.deleted = true;
    }

    public String itemId() {
        return ITEM_PREFIX + id;
    }

    public Long getId() {
        return id;
    }

    public long getChannelId() {
        return channelId;
    }

    public String getSlotKey() {
        return slotKey;
    }

    public InteractionKind getKind() {
        return kind;
    }

    public String getPerson() {
        return person;
    }

    public String getBody() {
        return body;
    }

    public String getParentRef() {
        return parentRef;
    }

    public String getSubjectRef() {
        return subjectRef;
    }

    public Instant getOccurredAt() {
        return Instant.ofEpochMilli(occurredAt);
    }

    public boolean isHidden() {
        return hidden;
    }

    public boolean isDeleted() {
        return deleted;
    }
}
