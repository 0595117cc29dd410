package app.herald.mail.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/** An e-mail that a committed transaction decided to send, waiting for the SMTP server to take it. */
@Entity
@Table(name = "outgoing_mail")
public class OutgoingMail {

    /** The longest subject kept; a longer one is refused, not cut. */
    public static final int MAX_SUBJECT = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false)
    private String subject;

    @Lob
    @Column(nullable = false)
    private String body;

    @Column(name = "attachment_name")
    private String attachmentName;

    @Column(name = "attachment_type")
    private String attachmentType;

    @Lob
    private byte[] attachment;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected OutgoingMail() {
    }

    public OutgoingMail(String recipient, String subject, String body, Attachment file, Instant now) {
        if (subject.length() > MAX_SUBJECT) {
            throw new IllegalArgumentException("A mail subject of " + subject.length() + " characters is too long");
        }
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        if (file != null) {
            this.attachmentName = file.fileName();
            this.attachmentType = file.contentType();
            this.attachment = file.content();
        }
        this.createdAt = now.toEpochMilli();
    }

    /** A file sent along with the text, such as a report. */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    public Long getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Optional<Attachment> getAttachment() {
        return attachment == null ? Optional.empty()
                : Optional.of(new Attachment(attachmentName, attachmentType, attachment));
    }

    public Instant getCreatedAt() {
        return Instant.ofEpochMilli(createdAt);
    }
}
