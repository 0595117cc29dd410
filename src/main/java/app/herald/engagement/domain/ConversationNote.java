package app.herald.engagement.domain;

import app.herald.kernel.Text;
import app.herald.tenancy.domain.TenantSchemaProperty;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/** An internal note on a conversation, for the agency only; the colleagues it mentions are told by e-mail. */
@Entity
@Table(name = "conversation_note")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantSchemaProperty.NAME)
@NamedQuery(name = "ConversationNote.of",
        query = "SELECT n FROM ConversationNote n WHERE n.conversationId = :conversationId ORDER BY n.id")
public class ConversationNote implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final int MAX_LENGTH = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "conversation_id", nullable = false, updatable = false)
    private long conversationId;

    @Column(name = "author_id", nullable = false, updatable = false)
    private long authorId;

    @Column(name = "author_name", nullable = false, updatable = false)
    private String authorName;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(name = "mentioned_ids", nullable = false, updatable = false)
    private String mentionedIds;

    @Column(name = "created_at", nullable = false, updatable = false)
    private long createdAt;

    protected ConversationNote() {
    }

    public ConversationNote(long conversationId, long authorId, String authorName, String typed, Set<Long> mentioned,
                            Instant now) {
        this.conversationId = conversationId;
        this.authorId = authorId;
        this.authorName = authorName;
        this.body = Text.body("A note", typed, MAX_LENGTH);
        this.mentionedIds = mentioned.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
        this.createdAt = now.toEpochMilli();
    }

    public Long getId() {
        return id;
    }

    public long getConversationId() {
        return conversationId;
    }

    public String getAuthorName() {
        return authorName;
    }

    public String getBody() {
        return body;
    }

    public Set<Long> getMentioned() {
        return Arrays.stream(mentionedIds.split(",")).filter(s -> !s.isBlank()).map(Long::valueOf)
                .collect(Collectors.toSet());
    }

    public Instant getCreatedAt() {
        return Instant.ofEpochMilli(createdAt);
    }
}
