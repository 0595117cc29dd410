package app.herald.api.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A POST sent with an {@code Idempotency-Key}: the key, a digest of what was asked and, once it is done, the answer
 * to give again. The same key with another request is refused; one still running is told to wait.
 */
@Entity
@Table(name = "api_idempotency")
@NamedQuery(name = "IdempotentRequest.find", query = "SELECT r FROM IdempotentRequest r WHERE r.tokenId = :token "
        + "AND r.key = :key")
@NamedQuery(name = "IdempotentRequest.purge", query = "DELETE FROM IdempotentRequest r WHERE r.tokenId = :token "
        + "AND r.createdAt < :before")
public class IdempotentRequest {

    public static final Duration KEPT = Duration.ofHours(24);
    public static final int MAX_KEY = 255;

    public enum State { RUNNING, DONE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "token_id", nullable = false)
    private long tokenId;

    @Column(name = "idem_key", nullable = false)
    private String key;

    @Column(name = "request_hash", nullable = false)
    private String requestHash;

    @Column(nullable = false)
    private String state;

    private Integer status;

    private String location;

    private String body;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected IdempotentRequest() {
    }

    public IdempotentRequest(long tokenId, String key, String requestHash, Instant now) {
        this.tokenId = tokenId;
        this.key = key;
        this.requestHash = requestHash;
        this.state = State.RUNNING.name();
        this.createdAt = now.toEpochMilli();
    }

    public void finish(int answerStatus, String answerLocation, String answerBody) {
        this.state = State.DONE.name();
        this.status = answerStatus;
        this.location = answerLocation;
        this.body = answerBody;
    }

    public boolean isFor(String hash) {
        return requestHash.equals(hash);
    }

    public boolean isDone() {
        return State.DONE.name().equals(state);
    }

    public Long getId() {
        return id;
    }

    public int getStatus() {
        return status == null ? 0 : status;
    }

    public Optional<String> getLocation() {
        return Optional.ofNullable(location);
    }

    public String getBody() {
        return body;
    }
}
