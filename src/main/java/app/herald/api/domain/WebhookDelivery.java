package app.herald.api.domain;

import app.herald.kernel.Secrets;
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

/**
 * One event for one endpoint: the payload as it is sent on every attempt, under one message id (the receiver's
 * de-duplication key), and the last answer, for the delivery log.
 */
@Entity
@Table(name = "webhook_delivery")
@NamedQuery(name = "WebhookDelivery.ofEndpoint", query = "SELECT d FROM WebhookDelivery d "
        + "WHERE d.endpointId = :endpoint ORDER BY d.id DESC")
@NamedQuery(name = "WebhookDelivery.forget", query = "DELETE FROM WebhookDelivery d WHERE d.endpointId = :endpoint")
public class WebhookDelivery {

    public enum State { PENDING, DELIVERED, FAILED }

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final int ANSWER_KEPT = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "endpoint_id", nullable = false)
    private long endpointId;

    @Column(name = "message_id", nullable = false)
    private String messageId;

    @Column(name = "event_type", nullable = false)
    private String eventType;

    @Column(nullable = false)
    private String payload;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(nullable = false)
    private int attempts;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "last_attempt_at")
    private Long lastAttemptAt;

    @Column(name = "last_status")
    private Integer lastStatus;

    @Column(name = "last_answer")
    private String lastAnswer;

    protected WebhookDelivery() {
    }

    public WebhookDelivery(long endpointId, WebhookEvent event, String payload, Instant now) {
        this.endpointId = endpointId;
        this.messageId = newMessageId();
        this.eventType = event.type();
        this.payload = payload;
        this.createdAt = now.toEpochMilli();
        this.state = State.PENDING;
    }

    private static String newMessageId() {
        return "msg_" + Secrets.randomText(ALPHABET, 26);
    }

    /** What the receiver answered to one attempt (status 0: no answer), kept as an excerpt for the log. */
    public void attempted(int status, String answer, Instant now) {
        attempts++;
        lastAttemptAt = now.toEpochMilli();
        lastStatus = status;
        String text = answer == null ? "" : answer;
        lastAnswer = text.length() > ANSWER_KEPT ? text.substring(0, ANSWER_KEPT - 1) + "…" : text;
        if (status / 100 == 2) {
            state = State.DELIVERED;
        }
    }

    public void gaveUp() {
        state = State.FAILED;
    }

    /** Sent again from the log: the same message id, so that a receiver that had it already can tell. */
    public void again() {
        state = State.PENDING;
    }

    public Long getId() {
        return id;
    }

    public long getEndpointId() {
        return endpointId;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getEventType() {
        return eventType;
    }

    public String getPayload() {
        return payload;
    }

    public Instant getCreatedAt() {
        return Instant.ofEpochMilli(createdAt);
    }

    public int getAttempts() {
        return attempts;
    }

    public State getState() {
        return state;
    }

    public Instant getLastAttemptAt() {
        return lastAttemptAt == null ? null : Instant.ofEpochMilli(lastAttemptAt);
    }

    public Integer getLastStatus() {
        return lastStatus;
    }

    public String getLastAnswer() {
        return lastAnswer;
    }
}
