package app.herald.identity.domain;

import app.herald.kernel.Secrets;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A browser signed in as a person: what it is, from where, since when, last seen when. The session holds a random
 * key; this row holds its hash. Ending the row signs that browser out at its next request.
 */
@Entity
@Table(name = "user_session")
@NamedQuery(name = "UserSession.byKey", query = "SELECT s FROM UserSession s WHERE s.keyHash = :hash")
@NamedQuery(name = "UserSession.open", query = "SELECT s FROM UserSession s WHERE s.userId = :user "
        + "AND s.endedAt IS NULL AND s.lastSeenAt >= :since ORDER BY s.lastSeenAt DESC")
@NamedQuery(name = "UserSession.endOthers", query = "UPDATE UserSession s SET s.endedAt = :now "
        + "WHERE s.userId = :user AND s.endedAt IS NULL AND s.keyHash <> :hash")
@NamedQuery(name = "UserSession.endAll", query = "UPDATE UserSession s SET s.endedAt = :now "
        + "WHERE s.userId = :user AND s.endedAt IS NULL")
@NamedQuery(name = "UserSession.purge", query = "DELETE FROM UserSession s WHERE s.userId = :user "
        + "AND s.lastSeenAt < :before")
public class UserSession {

    /** Last seen is written at most this often: a page asking every second does not write every second. */
    public static final Duration SEEN_EVERY = Duration.ofMinutes(1);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "key_hash", nullable = false)
    private String keyHash;

    @Column(nullable = false)
    private String device;

    @Column(nullable = false)
    private String address;

    @Column(name = "signed_in_at", nullable = false)
    private long signedInAt;

    @Column(name = "last_seen_at", nullable = false)
    private long lastSeenAt;

    @Column(name = "ended_at")
    private Long endedAt;

    protected UserSession() {
    }

    public UserSession(long userId, String key, String userAgent, String address, Instant now) {
        this.userId = userId;
        this.keyHash = Secrets.sha256(key);
        this.device = describe(userAgent);
        this.address = address == null ? "unknown" : address;
        this.signedInAt = now.toEpochMilli();
        this.lastSeenAt = signedInAt;
    }

    /** "Firefox on Android": enough to recognise one's own devices, never the raw header. */
    static String describe(String userAgent) {
        String ua = userAgent == null ? "" : userAgent.toLowerCase(Locale.ROOT);
        String browser = ua.contains("edg/") ? "Edge" : ua.contains("opr/") ? "Opera" : ua.contains("firefox/")
                ? "Firefox" : ua.contains("chrome/") || ua.contains("chromium/") ? "Chrome"
                : ua.contains("safari/") ? "Safari" : ua.isBlank() ? "An unknown browser" : "A browser";
        String system = ua.contains("android") ? "Android" : ua.contains("iphone") || ua.contains("ipad") ? "iOS"
                : ua.contains("windows") ? "Windows" : ua.contains("mac os") ? "macOS" : ua.contains("linux")
                ? "Linux" : null;
        return system == null ? browser : browser + " on " + system;
    }

    /** Whether this browser is still signed in; notes that it was seen. */
    public boolean seen(Instant now) {
        if (endedAt != null) {
            return false;
        }
        if (now.toEpochMilli() - lastSeenAt >= SEEN_EVERY.toMillis()) {
            lastSeenAt = now.toEpochMilli();
        }
        return true;
    }

    public void end(Instant now) {
        if (endedAt == null) {
            endedAt = now.toEpochMilli();
        }
    }

    public Long getId() {
        return id;
    }

    public long getUserId() {
        return userId;
    }

    public String getDevice() {
        return device;
    }

    public String getAddress() {
        return address;
    }

    public Instant getSignedInAt() {
        return Instant.ofEpochMilli(signedInAt);
    }

    public Instant getLastSeenAt() {
        return Instant.ofEpochMilli(lastSeenAt);
    }

    public boolean isEnded() {
        return endedAt != null;
    }
}
