package app.herald.content.domain;

import app.herald.kernel.RuleViolation;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/**
 * A named group of a client's posts with dates, a goal, a budget, the UTM campaign its links will carry and a colour
 * for the calendar. The budget is kept in minor units (cents) of its currency, never as a floating point number.
 */
@Entity
@Table(name = "campaign")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantSchemaProperty.NAME)
@NamedQuery(name = "Campaign.all", query = "SELECT c FROM Campaign c ORDER BY c.startsOn DESC, c.name")
@NamedQuery(name = "Campaign.byName", query = "SELECT c FROM Campaign c WHERE LOWER(c.name) = LOWER(:name)")
public class Campaign implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    private String goal;

    @Column(name = "budget_cents", nullable = false)
    private long budgetCents;

    @Column(nullable = false)
    private String currency;

    @Column(name = "utm_campaign", nullable = false)
    private String utmCampaign;

    @Column(nullable = false)
    private String colour;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    private static final BigDecimal MAX_BUDGET = BigDecimal.valueOf(1_000_000_000L);

    protected Campaign() {
    }

    public Campaign(String name, LocalDate startsOn, LocalDate endsOn, String goal, BigDecimal budget, String currency,
                    String utmCampaign, String colour, Instant now) {
        this.name = requireName(name);
        if (startsOn == null || endsOn == null || endsOn.isBefore(startsOn)) {
            throw new RuleViolation("A campaign ends on or after the day it starts.");
        }
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.goal = Text.optionalName("A campaign's goal", goal, 500).orElse(null);
        this.currency = requireCurrency(currency);
        this.budgetCents = toCents(budget, this.currency);
        this.utmCampaign = utmCampaign == null || utmCampaign.isBlank() ? slug(this.name) : requireSlug(utmCampaign);
        this.colour = requireColour(colour);
        this.createdAt = now.toEpochMilli();
    }

    private static String requireName(String name) {
        return Text.name("A campaign's name", name, 120);
    }

    private static String requireCurrency(String code) {
        try {
            return Currency.getInstance(code == null ? "" : code.strip().toUpperCase(Locale.ROOT)).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("\"" + code + "\" is not a currency code such as EUR or USD.");
        }
    }

    private static long toCents(BigDecimal budget, String currency) {
        BigDecimal amount = budget == null ? BigDecimal.ZERO : budget;
        if (amount.signum() < 0) {
            throw new RuleViolation("A budget cannot be negative.");
        }
        if (amount.compareTo(MAX_BUDGET) > 0) {
            throw new RuleViolation("A budget is at most 1,000,000,000.");
        }
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        try {
            return amount.movePointRight(digits).longValueExact();
        } catch (ArithmeticException e) {
            throw new RuleViolation("The budget has more decimals than " + currency + " allows.");
        }
    }

    static String slug(String text) {
        String slug = java.text.Normalizer.normalize(text.toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "campaign" : bounded(slug, 100);
    }

    private static String requireSlug(String utm) {
        String clean = utm.strip();
        if (!clean.matches("^[a-z0-9_-]{1,100}$")) {
            throw new RuleViolation("The UTM campaign uses lower-case letters, digits, '-' and '_' only.");
        }
        return clean;
    }

    private static String requireColour(String colour) {
        String clean = colour == null || colour.isBlank() ? "#2563eb" : colour.strip().toLowerCase(Locale.ROOT);
        if (!clean.startsWith("#")) {
            clean = "#" + clean;
        }
        if (!clean.matches("^#[0-9a-f]{6}$")) {
            throw new RuleViolation("A colour is written as #RRGGBB, for example #2563eb.");
        }
        return clean;
    }

    private static String bounded(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    public BigDecimal getBudget() {
        return BigDecimal.valueOf(budgetCents, Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits()));
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public String getGoal() {
        return goal;
    }

    public String getCurrency() {
        return currency;
    }

    public String getUtmCampaign() {
        return utmCampaign;
    }

    public String getColour() {
        return colour;
    }
}
