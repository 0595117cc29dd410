package app.herald.engagement.domain;

import static app.herald.kernel.JsonSupport.JSON;

import app.herald.publishing.domain.Incoming;
import app.herald.publishing.domain.InteractionKind;
import app.herald.publishing.domain.Moderation;
import app.herald.publishing.domain.ReplyTarget;
import app.herald.tenancy.domain.TenantSchemaProperty;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
import java.io.StringReader;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/**
 * One thing that came in on a channel, kept once per channel and network item: who did it, what they said, what it
 * answers, and what the network needs to answer it in turn. Text is kept as the network sent it and only ever shown
 * escaped.
 */
@Entity
@Table(name = "interaction")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantSchemaProperty.NAME)
@NamedQuery(name = "Interaction.byItems",
        query = "SELECT i FROM Interaction i WHERE i.channelId = :channelId AND i.networkItemId IN :itemIds")
@NamedQuery(name = "Interaction.newest", query = "SELECT MAX(i.id) FROM Interaction i")
@NamedQuery(name = "Interaction.ofConversation",
        query = "SELECT i FROM Interaction i WHERE i.conversationId = :conversationId ORDER BY i.occurredAt, i.id")
@NamedQuery(name = "Interaction.ofContact",
        query = "SELECT i FROM Interaction i WHERE i.contactId IN :contactIds ORDER BY i.occurredAt DESC, i.id DESC")
public class Interaction implements Serializable {

    private static final long serialVersionUID = 1L;
    /**
     * Far above any network's own limit (Facebook's comments stop at 8,000 characters): a longer text comes from a
     * broken or hostile source, and Herald keeps its beginning with a note that says so.
     */
    public static final int MAX_TEXT = 20_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "channel_id", nullable = false, updatable = false)
    private long channelId;

    @Column(name = "network_item_id", nullable = false, updatable = false)
    private String networkItemId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private InteractionKind kind;

    @Column(name = "conversation_id")
    private Long conversationId;

    @Column(name = "contact_id", nullable = false)
    private long contactId;

    @Column(name = "identity_id", nullable = false, updatable = false)
    private long identityId;

    @Column(nullable = false)
    private String body;

    @Column
    private String language;

    @Column(name = "network_url")
    private String networkUrl;

    @Column(name = "parent_item_id", updatable = false)
    private String parentItemId;

    @Column(name = "subject_item_id", updatable = false)
    private String subjectItemId;

    @Column(name = "reply_target", updatable = false)
    private String replyTarget;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private long occurredAt;

    @Column(name = "received_at", nullable = false, updatable = false)
    private long receivedAt;

    @Column(name = "edited_at")
    private Long editedAt;

    @Column(name = "deleted_at")
    private Long deletedAt;

    @Column(nullable = false)
    private boolean hidden;

    @Column(nullable = false)
    private boolean liked;

    /** What Herald is doing to it on the network now, until the network answered. */
    @Enumerated(EnumType.STRING)
    @Column
    private Moderation moderation;

    @Column(name = "moderation_problem")
    private String moderationProblem;

    protected Interaction() {
    }

    public Interaction(long channelId, Incoming item, long contactId, long identityId, Long conversationId,
                       Instant now) {
        this.channelId = channelId;
        this.networkItemId = bounded(item.itemId(), 300);
        this.kind = item.kind();
        this.conversationId = conversationId;
        this.contactId = contactId;
        this.identityId = identityId;
        this.body = kept(item.text());
        this.language = item.language() == null ? null : bounded(item.language(), 35);
        this.networkUrl = item.url() == null ? null : bounded(item.url(), 1000);
        this.parentItemId = item.parent().map(p -> bounded(p, 300)).orElse(null);
        this.subjectItemId = item.subjectId() == null ? null : bounded(item.subjectId(), 300);
        this.replyTarget = item.replyTarget() == null ? null : json(item.replyTarget());
        this.occurredAt = item.occurredAt().toEpochMilli();
        this.receivedAt = now.toEpochMilli();
        this.editedAt = item.edited().map(Instant::toEpochMilli).orElse(null);
        this.deletedAt = item.deleted() ? now.toEpochMilli() : null;
    }

    /**
     * The network reported a change: new words, or that it was deleted. Answers whether anything changed, so that a
     * repeated reading of the same item changes nothing.
     */
    public boolean update(Incoming item, Instant now) {
        boolean changed = false;
        if (item.deleted() && deletedAt == null) {
            deletedAt = now.toEpochMilli();
            changed = true;
        }
        String words = kept(item.text());
        if (!item.deleted() && !words.isEmpty() && !words.equals(body)) {
            body = words;
            editedAt = item.edited().orElse(now).toEpochMilli();
            changed = true;
        }
        return changed;
    }

    /** Its text as Herald keeps it: whole up to {@link #MAX_TEXT} characters; beyond, cut with a note that says so. */
    static String kept(String text) {
        String clean = text == null ? "" : text.strip();
        if (clean.length() <= MAX_TEXT) {
            return clean;
        }
        int end = Character.isLowSurrogate(clean.charAt(MAX_TEXT)) ? MAX_TEXT - 1 : MAX_TEXT;
        return clean.substring(0, end) + String.format("%n[Herald kept the first %,d of %,d characters.]", end,
                clean.length());
    }

    /**
     * A person (or a rule) asked for it: shown at once as done in Herald; {@code onNetwork} says whether the network
     * is asked too, until whose answer the action stays pending.
     */
    public void moderate(Moderation action, boolean onNetwork, Instant now) {
        switch (action) {
            case HIDE -> hidden = true;
            case UNHIDE -> hidden = false;
            case LIKE -> liked = true;
            case DELETE -> deletedAt = now.toEpochMilli();
            default -> throw new IllegalArgumentException(action.name());
        }
        moderation = onNetwork ? action : null;
        moderationProblem = null;
    }

    /** The network did it. */
    public void moderated(Moderation action) {
        if (moderation == action) {
            moderation = null;
        }
    }

    /** The network refused: Herald shows the item as it still is there, with the reason. */
    public void notModerated(Moderation action, String why) {
        switch (action) {
            case HIDE -> hidden = false;
            case UNHIDE -> hidden = true;
            case LIKE -> liked = false;
            case DELETE -> deletedAt = null;
            default -> throw new IllegalArgumentException(action.name());
        }
        moderation = null;
        moderationProblem = bounded(action.label() + " failed: " + why, 1000);
    }

    /** Moves it with its contact when identities are linked or unlinked. */
    public void belongsTo(long contact) {
        this.contactId = contact;
    }

    public Optional<ReplyTarget> replyTarget() {
        return Optional.ofNullable(replyTarget).map(Interaction::target);
    }

    static String json(ReplyTarget target) {
        JsonObjectBuilder refs = JSON.createObjectBuilder();
        target.refs().forEach(refs::add);
        return JSON.createObjectBuilder().add("parent", target.parentId()).add("refs", refs).build().toString();
    }

    static ReplyTarget target(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            Map<String, String> refs = new HashMap<>();
            object.getJsonObject("refs").forEach((key, value) -> {
                if (value.getValueType() == JsonValue.ValueType.STRING) {
                    refs.put(key, ((JsonString) value).getString());
                }
            });
            return new ReplyTarget(object.getString("parent"), refs);
        }
    }

    private static String bounded(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    public boolean isAnswerable() {
        return replyTarget != null && deletedAt == null;
    }

    public Long getId() {
        return id;
    }

    public long getChannelId() {
        return channelId;
    }

    public String getNetworkItemId() {
        return networkItemId;
    }

    public InteractionKind getKind() {
        return kind;
    }

    public Long getConversationId() {
        return conversationId;
    }

    public long getContactId() {
        return contactId;
    }

    public long getIdentityId() {
        return identityId;
    }

    public String getBody() {
        return body;
    }

    public String getLanguage() {
        return language;
    }

    public String getNetworkUrl() {
        return networkUrl;
    }

    public Optional<String> getParentItemId() {
        return Optional.ofNullable(parentItemId);
    }

    public Optional<String> getSubjectItemId() {
        return Optional.ofNullable(subjectItemId);
    }

    public Instant getOccurredAt() {
        return Instant.ofEpochMilli(occurredAt);
    }

    public Instant getReceivedAt() {
        return Instant.ofEpochMilli(receivedAt);
    }

    public Optional<Instant> getEditedAt() {
        return Optional.ofNullable(editedAt).map(Instant::ofEpochMilli);
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public boolean isHidden() {
        return hidden;
    }

    public boolean isLiked() {
        return liked;
    }

    public Optional<Moderation> getPendingModeration() {
        return Optional.ofNullable(moderation);
    }

    public Optional<String> getModerationProblem() {
        return Optional.ofNullable(moderationProblem);
    }
}
