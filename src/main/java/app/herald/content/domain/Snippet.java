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
 * Reusable text of a tenant: a saved snippet or a hashtag group (hashtags only, separated by spaces) for the composer,
 * or a saved reply for the inbox, whose variables such as {first_name} are filled in for each conversation.
 */
@Entity
@Table(name = "snippet")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantSchemaProperty.NAME)
@NamedQuery(name = "Snippet.all", query = "SELECT s FROM Snippet s ORDER BY s.kind, s.name")
public class Snippet implements Serializable {

    public enum Kind {
        SNIPPET("Snippet"),
        HASHTAGS("Hashtag group"),
        REPLY("Saved reply");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Inserted into posts in the composer; saved replies go into answers in the inbox. */
        public boolean forPosts() {
            return this != REPLY;
        }
    }

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String body;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected Snippet() {
    }

    public Snippet(Kind kind, String name, String body, Instant now) {
        String cleanName = Text.name("Its name", name, 80);
        String cleanBody = Text.body("Its text", body, 2000);
        if (kind == Kind.HASHTAGS) {
            cleanBody = String.join(" ", java.util.Arrays.stream(cleanBody.split("\\s+"))
                    .map(t -> t.startsWith("#") ? t : "#" + t).toList());
            if (!cleanBody.matches("^(#[\\p{L}\\p{N}_]+)( #[\\p{L}\\p{N}_]+)*$")) {
                throw new RuleViolation("A hashtag group holds hashtags only, such as #coffee #autumn.");
            }
        }
        this.kind = kind;
        this.name = cleanName;
        this.body = cleanBody;
        this.createdAt = now.toEpochMilli();
    }

    public String label() {
        return switch (kind) {
            case HASHTAGS -> "# " + name;
            case REPLY -> "↩ " + name;
            default -> "¶ " + name;
        };
    }

    public Long getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public String getBody() {
        return body;
    }
}
