package app.herald.content.domain;

import app.herald.kernel.RuleViolation;
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
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/**
 * A comment on a post, or a reply to one. An internal note is for the agency only: client users never see it, nor
 * replies to it, and cannot write one.
 */
@Entity
@Table(name = "post_comment")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantSchemaProperty.NAME)
@NamedQuery(name = "Comment.ofPost", query = "SELECT c FROM Comment c WHERE c.postId = :postId ORDER BY c.id")
public class Comment implements Serializable {

    private static final long serialVersionUID = 1L;
    /** A mention is an e-mail address after "@", such as @nora@northwind.test. */
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@([\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+)");
    public static final int MAX_LENGTH = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "post_id", nullable = false)
    private long postId;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(name = "author_id", nullable = false)
    private long authorId;

    @Column(name = "author_name", nullable = false)
    private String authorName;

    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    private boolean internal;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected Comment() {
    }

    public Comment(long postId, Comment parent, long authorId, String authorName, String body, boolean internal,
                   Instant now) {
        String text = Text.body("A comment", body, MAX_LENGTH);
        if (parent != null && parent.postId != postId) {
            throw new RuleViolation("A reply belongs to the same post as its comment.");
        }
        this.postId = postId;
        this.parentId = parent == null ? null : parent.getThreadId();
        this.authorId = authorId;
        this.authorName = authorName;
        this.body = text;
        // A reply to an internal note stays internal, so a client can never see half a conversation.
        this.internal = internal || (parent != null && parent.internal);
        this.createdAt = now.toEpochMilli();
    }

    /** Replies attach to the thread's first comment: threads are one level deep. */
    public long getThreadId() {
        return parentId != null ? parentId : id;
    }

    public Set<String> mentions() {
        Set<String> emails = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(body);
        while (m.find()) {
            emails.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        return emails;
    }

    public Long getId() {
        return id;
    }

    public long getPostId() {
        return postId;
    }

    public Long getParentId() {
        return parentId;
    }

    public String getAuthorName() {
        return authorName;
    }

    public String getBody() {
        return body;
    }

    public boolean isInternal() {
        return internal;
    }

    public Instant getCreatedAt() {
        return Instant.ofEpochMilli(createdAt);
    }
}
