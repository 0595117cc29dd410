package app.herald.content.domain;

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
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/**
 * A post's text for one channel: copied from the post's base text, then edited to fit the network. Kept by id rather
 * than as a JPA relationship, because relationships on per-tenant EntityManagers hit eclipselink#2406 under load.
 */
@Entity
@Table(name = "variant")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantSchemaProperty.NAME)
@NamedQuery(name = "Variant.ofPost", query = "SELECT v FROM Variant v WHERE v.postId = :postId ORDER BY v.id")
@NamedQuery(name = "Variant.ofPosts", query = "SELECT v FROM Variant v WHERE v.postId IN :postIds")
public class Variant implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "post_id", nullable = false, updatable = false)
    private long postId;

    @Column(name = "channel_id", nullable = false, updatable = false)
    private long channelId;

    @Column(nullable = false)
    private String text;

    @Column(name = "first_comment")
    private String firstComment;

    protected Variant() {
    }

    public Variant(long postId, long channelId, String text, String firstComment) {
        this.postId = postId;
        this.channelId = channelId;
        this.text = requireText(text);
        this.firstComment = Text.optionalBody("A first comment", firstComment, Post.MAX_TEXT).orElse(null);
    }

    private static String requireText(String text) {
        Text.optionalBody("A variant's text", text, Post.MAX_TEXT);
        return text == null ? "" : text;
    }

    /** True when the new words differ from the current ones. */
    public boolean rewrite(String newText, String newFirstComment) {
        String cleanComment = Text.optionalBody("A first comment", newFirstComment, Post.MAX_TEXT).orElse(null);
        String cleanText = requireText(newText);
        boolean changed = !cleanText.equals(text) || !java.util.Objects.equals(cleanComment, firstComment);
        text = cleanText;
        firstComment = cleanComment;
        return changed;
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

    public String getText() {
        return text;
    }

    public String getFirstComment() {
        return firstComment;
    }
}
