package app.herald.platform.domain;

import app.herald.kernel.RuleViolation;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.Lob;
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

/** A customer of the platform: owns client tenants and employs members. A suspended agency's users cannot sign in. */
@Entity
@Table(name = "agency")
@NamedQuery(name = "Agency.all", query = "SELECT a FROM Agency a ORDER BY a.name")
@NamedQuery(name = "Agency.count", query = "SELECT COUNT(a) FROM Agency a")
@NamedQuery(name = "Agency.byName", query = "SELECT a FROM Agency a WHERE LOWER(a.name) = LOWER(:name)")
public class Agency implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum State { ACTIVE, SUSPENDED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 120)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    /** White-label reports: the agency's colours ("#rrggbb") and logo (PNG); null until the agency sets them. */
    @Column(name = "brand_colour")
    private String brandColour;

    @Column(name = "accent_colour")
    private String accentColour;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "logo_png")
    private byte[] logoPng;

    protected Agency() {
    }

    public Agency(String name, Instant now) {
        this.name = requireName(name);
        this.state = State.ACTIVE;
        this.createdAt = now.toEpochMilli();
    }

    static String requireName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 120) {
            throw new RuleViolation("An agency name has 1 to 120 characters.");
        }
        return trimmed;
    }

    /** Sets the look of the agency's reports; a null logo keeps the current one. */
    public void brand(String primary, String accent, byte[] logo) {
        this.brandColour = colour(primary);
        this.accentColour = colour(accent);
        if (logo != null) {
            this.logoPng = logo;
        }
    }

    public void removeLogo() {
        this.logoPng = null;
    }

    private static String colour(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT);
        if (v.isEmpty()) {
            return null;
        }
        if (!v.matches("#?[0-9a-f]{6}")) {
            throw new RuleViolation("A colour is written as #rrggbb, e.g. #1d4ed8.");
        }
        return v.startsWith("#") ? v : "#" + v;
    }

    public String getBrandColour() {
        return brandColour == null ? "#1d4ed8" : brandColour;
    }

    public String getAccentColour() {
        return accentColour == null ? "#059669" : accentColour;
    }

    public byte[] getLogoPng() {
        return logoPng;
    }

    public boolean hasLogo() {
        return logoPng != null;
    }

    public void suspend() {
        state = State.SUSPENDED;
    }

    public void reactivate() {
        state = State.ACTIVE;
    }

    public boolean isActive() {
        return state == State.ACTIVE;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public State getState() {
        return state;
    }

    public Instant getCreatedAt() {
        return Instant.ofEpochMilli(createdAt);
    }
}
