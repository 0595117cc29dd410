package app.herald.reporting.domain;

import app.herald.identity.domain.Agency;
import app.herald.kernel.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/**
 * How an agency's reports look: its colours ("#rrggbb") and its logo (PNG). Kept apart from {@link Agency}, which is
 * read on every request, so that the logo is loaded only for a report or the branding screen.
 */
@Entity
@Table(name = "agency_brand")
public class AgencyBrand {

    public static final String DEFAULT_PRIMARY = "#1d4ed8";
    public static final String DEFAULT_ACCENT = "#059669";

    @Id
    @Column(name = "agency_id")
    private Long agencyId;

    @Column(name = "brand_colour")
    private String brandColour;

    @Column(name = "accent_colour")
    private String accentColour;

    @Column(name = "logo_png")
    private byte[] logoPng;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    protected AgencyBrand() {
    }

    public AgencyBrand(long agencyId, Instant now) {
        this.agencyId = agencyId;
        this.updatedAt = now.toEpochMilli();
    }

    /** Sets the colours; a null logo keeps the current one. */
    public void change(String primary, String accent, byte[] logo, Instant now) {
        this.brandColour = colour(primary);
        this.accentColour = colour(accent);
        if (logo != null) {
            this.logoPng = logo.clone();
        }
        this.updatedAt = now.toEpochMilli();
    }

    public void removeLogo(Instant now) {
        this.logoPng = null;
        this.updatedAt = now.toEpochMilli();
    }

    private static String colour(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return null;
        }
        if (!v.matches("#?[0-9a-f]{6}")) {
            throw new RuleViolation("A colour is written as #rrggbb, e.g. #1d4ed8.");
        }
        return v.startsWith("#") ? v : "#" + v;
    }

    public String getPrimary() {
        return brandColour == null ? DEFAULT_PRIMARY : brandColour;
    }

    public String getAccent() {
        return accentColour == null ? DEFAULT_ACCENT : accentColour;
    }

    public byte[] getLogoPng() {
        return logoPng == null ? null : logoPng.clone();
    }

    public boolean hasLogo() {
        return logoPng != null;
    }
}
