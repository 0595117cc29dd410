package app.herald.api.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One request that Herald's webhook inspector received for an endpoint pointed at it, as it came. */
@Entity
@Table(name = "webhook_inspection")
@NamedQuery(name = "WebhookInspection.ofEndpoint", query = "SELECT i FROM WebhookInspection i "
        + "WHERE i.endpointId = :endpoint ORDER BY i.id DESC")
@NamedQuery(name = "WebhookInspection.forget", query = "DELETE FROM WebhookInspection i WHERE i.endpointId = :endpoint")
@NamedQuery(name = "WebhookInspection.olderThan", query = "DELETE FROM WebhookInspection i "
        + "WHERE i.endpointId = :endpoint AND i.id < :oldestKept")
public class WebhookInspection {

    /** What the inspector keeps per endpoint: enough to see what was sent lately, never a growing table. */
    public static final int KEPT = 50;
    /** A body over this is not what Herald sends: the inspector refuses it. */
    public static final int MAX_BODY = 256 * 1024;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "endpoint_id", nullable = false)
    private long endpointId;

    @Column(name = "received_at", nullable = false)
    private long receivedAt;

    @Column(name = "message_id")
    private String messageId;

    @Column(name = "event_type")
    private String eventType;

    @Column(name = "signature_ok", nullable = false)
    private boolean signatureOk;

    @Column(nullable = false)
    private String body;

    protected WebhookInspection() {
    }

    public WebhookInspection(long endpointId, Instant receivedAt, String messageId, String eventType,
                             boolean signatureOk, String body) {
        this.endpointId = endpointId;
        this.receivedAt = receivedAt.toEpochMilli();
        this.messageId = clip(messageId, 100);
        this.eventType = clip(eventType, 60);
        this.signatureOk = signatureOk;
        this.body = body;
    }

    /** Header values are shown, not trusted: a longer one is shown in part (the body is kept whole). */
    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public Instant getReceivedAt() {
        return Instant.ofEpochMilli(receivedAt);
    }

    public String getMessageId() {
        return messageId;
    }

    public String getEventType() {
        return eventType;
    }

    public boolean isSignatureOk() {
        return signatureOk;
    }

    public String getBody() {
        return body;
    }
}
