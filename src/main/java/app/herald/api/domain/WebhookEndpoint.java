package app.herald.api.domain;

import app.herald.kernel.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An address of the agency's that Herald calls when something happens: for the events it chose, for every client or
 * one. Its secret (sealed) signs each delivery; after a rotation the previous one signs too for a day, so that the
 * receiver can switch without losing a delivery.
 */
@Entity
@Table(name = "webhook_endpoint")
@NamedQuery(name = "WebhookEndpoint.ofAgency", query = "SELECT e FROM WebhookEndpoint e WHERE e.agencyId = :agency "
        + "ORDER BY e.id")
@NamedQuery(name = "WebhookEndpoint.byAddressEnding",
        query = "SELECT e FROM WebhookEndpoint e WHERE e.url LIKE :ending")
@NamedQuery(name = "WebhookEndpoint.listeningAgencies",
        query = "SELECT DISTINCT e.agencyId FROM WebhookEndpoint e WHERE e.active = TRUE")
@NamedQuery(name = "WebhookEndpoint.listening", query = "SELECT e FROM WebhookEndpoint e WHERE e.agencyId = :agency "
        + "AND e.active = TRUE AND (e.tenantId IS NULL OR e.tenantId = :tenant)")
public class WebhookEndpoint {

    public static final int MAX_URL = 2000;
    /** How long the previous secret keeps signing after a rotation. */
    public static final Duration OVERLAP = Duration.ofHours(24);
    /** An endpoint that has failed for this long without a single success is switched off. */
    public static final Duration FAILING_FOR = Duration.ofDays(3);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "agency_id", nullable = false)
    private long agencyId;

    @Column(name = "tenant_id")
    private Long tenantId;

    @Column(nullable = false)
    private String url;

    @Column(nullable = false)
    private String events;

    @Column(nullable = false)
    private String secret;

    @Column(name = "previous_secret")
    private String previousSecret;

    @Column(name = "previous_until")
    private Long previousUntil;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "disabled_reason")
    private String disabledReason;

    @Column(name = "failing_since")
    private Long failingSince;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected WebhookEndpoint() {
    }

    /** A new endpoint; its secret is kept ({@link #keepSecret}) once it has an id to bind the sealed value to. */
    public WebhookEndpoint(long agencyId, Long tenantId, String url, Collection<WebhookEvent> events, Instant now) {
        if (url == null || url.isBlank()) {
            throw new RuleViolation("Give the address Herald should call.");
        }
        if (url.length() > MAX_URL) {
            throw new RuleViolation("An address has at most " + MAX_URL + " characters.");
        }
        this.agencyId = agencyId;
        this.tenantId = tenantId;
        this.url = url.strip();
        this.events = encode(events);
        this.secret = "";
        this.active = true;
        this.createdAt = now.toEpochMilli();
    }

    private static String encode(Collection<WebhookEvent> chosen) {
        Set<WebhookEvent> events = chosen.stream().filter(WebhookEvent::isSubscribable)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(WebhookEvent.class)));
        if (events.isEmpty()) {
            throw new RuleViolation("Choose at least one event to send.");
        }
        return events.stream().map(WebhookEvent::type).collect(Collectors.joining(","));
    }

    public boolean wants(WebhookEvent event) {
        return event == WebhookEvent.TEST || getEvents().contains(event);
    }

    public Set<WebhookEvent> getEvents() {
        return Arrays.stream(events.split(",")).map(WebhookEvent::ofType).flatMap(Optional::stream)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(WebhookEvent.class)));
    }

    public void choose(Collection<WebhookEvent> chosen) {
        this.events = encode(chosen);
    }

    public void keepSecret(String sealedSecret) {
        this.secret = sealedSecret;
    }

    /** A new secret signs from now on; the current one keeps signing beside it for {@link #OVERLAP}. */
    public void rotate(String sealedSecret, Instant now) {
        this.previousSecret = secret;
        this.previousUntil = now.plus(OVERLAP).toEpochMilli();
        this.secret = sealedSecret;
    }

    /** The previous secret, while it still signs. */
    public Optional<String> previousSecret(Instant now) {
        return previousSecret != null && previousUntil != null && now.toEpochMilli() < previousUntil
                ? Optional.of(previousSecret) : Optional.empty();
    }

    public void disable(String reason) {
        this.active = false;
        this.disabledReason = reason;
    }

    public void enable() {
        this.active = true;
        this.disabledReason = null;
        this.failingSince = null;
    }

    public void answered() {
        this.failingSince = null;
    }

    /** A delivery failed for good; true when the endpoint has failed long enough to be switched off now. */
    public boolean failedAt(Instant now) {
        if (failingSince == null) {
            failingSince = now.toEpochMilli();
        }
        return active && now.toEpochMilli() - failingSince >= FAILING_FOR.toMillis();
    }

    public Long getId() {
        return id;
    }

    public long getAgencyId() {
        return agencyId;
    }

    public Optional<Long> getTenantId() {
        return Optional.ofNullable(tenantId);
    }

    public String getUrl() {
        return url;
    }

    public String getSecret() {
        return secret;
    }

    public boolean isActive() {
        return active;
    }

    public String getDisabledReason() {
        return disabledReason;
    }
}
