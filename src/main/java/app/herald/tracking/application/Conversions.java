package app.herald.tracking.application;

import app.herald.analytics.infrastructure.RollupStore;
import app.herald.content.application.Campaigns;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.sql.Jdbc;
import app.herald.tenancy.application.TenantContext;
import app.herald.tracking.domain.Attribution;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Receives a conversion the client's site reported (already authenticated by its signature) and attributes it to the
 * last tracked click of its visitor within the window: that click's link, post, channel and campaign. A conversion
 * id is counted once, however often it is sent.
 */
@Stateless
public class Conversions {

    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;
    @Inject
    TenantContext context;
    @Inject
    RollupStore rollups;
    @Inject
    Campaigns campaigns;
    @Inject
    @ConfigProperty(name = "herald.tracking.attribution-days", defaultValue = "7")
    int attributionDays;

    /** What the site reported. {@code clickToken} is the hclid its landing page received; may be null. */
    public record Reported(String externalId, String clickToken, BigDecimal value, String currency,
                           Instant occurredAt) {
    }

    /** The outcome, for the site's developer. */
    public record Receipt(boolean duplicate, boolean attributed, Long postId, Long campaignId) {
    }

    public Receipt receive(Reported conversion, Instant now) {
        String id = conversion.externalId() == null ? "" : conversion.externalId().strip();
        if (id.isEmpty() || id.length() > 200) {
            throw new RuleViolation("A conversion needs an id of 1 to 200 characters (your order or sign-up id).");
        }
        String currency = currency(conversion.currency());
        BigDecimal value = conversion.value() == null ? BigDecimal.ZERO : conversion.value();
        if (value.signum() < 0 || value.scale() > Currency.getInstance(currency).getDefaultFractionDigits()
                || value.compareTo(new BigDecimal("100000000")) > 0) {
            throw new RuleViolation("The value must be a non-negative amount in " + currency + " with at most "
                    + Currency.getInstance(currency).getDefaultFractionDigits() + " decimals.");
        }
        Instant occurred = conversion.occurredAt() == null ? now : conversion.occurredAt();
        if (occurred.isAfter(now.plus(Duration.ofMinutes(5))) || occurred.isBefore(now.minus(Duration.ofDays(90)))) {
            throw new RuleViolation("occurredAt must lie within the last 90 days.");
        }
        if (Jdbc.first(dataSource, "SELECT id FROM " + context.table("conversion") + " WHERE external_id = ?",
                row -> row.getLong(1), id).isPresent()) {
            return new Receipt(true, false, null, null);
        }
        Optional<Click> click = click(conversion.clickToken())
                .filter(c -> new Attribution(Duration.ofDays(attributionDays)).credits(c.clickedAt(), occurred));
        if (click.isPresent() && click.get().link().campaignId() != null) {
            String campaignCurrency = campaigns.find(click.get().link().campaignId()).getCurrency();
            if (!campaignCurrency.equals(currency)) {
                throw new RuleViolation("This conversion belongs to a campaign kept in " + campaignCurrency
                        + "; send its value in " + campaignCurrency + ".");
            }
        }
        long cents = value.movePointRight(2).longValueExact();
        Jdbc.update(dataSource, "INSERT INTO " + context.table("conversion") + " (external_id, click_id, link_id, "
                + "publication_id, post_id, channel_id, campaign_id, occurred_at, value_cents, currency, received_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, click.map(Click::id).orElse(null),
                click.map(c -> c.link().id()).orElse(null), click.map(c -> c.link().publicationId()).orElse(null),
                click.map(c -> c.link().postId()).orElse(null), click.map(c -> c.link().channelId()).orElse(null),
                click.map(c -> c.link().campaignId()).orElse(null), occurred.toEpochMilli(), cents, currency,
                now.toEpochMilli());
        rollups.converted(click.map(c -> c.link().placement()), occurred.atZone(context.current().zone())
                .toLocalDate(), cents);
        return new Receipt(false, click.isPresent(), click.map(c -> c.link().postId()).orElse(null),
                click.map(c -> c.link().campaignId()).orElse(null));
    }

    private Optional<Click> click(String token) {
        if (token == null || !token.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        return Jdbc.first(dataSource, "SELECT c.id, c.clicked_at, l.id, l.code, l.publication_id, l.post_id, "
                + "l.channel_id, l.campaign_id, l.target_url FROM " + context.table("link_click") + " c JOIN "
                + context.table("tracked_link") + " l ON l.id = c.link_id WHERE c.token = ?", row -> new Click(
                row.getLong(1), Instant.ofEpochMilli(row.getLong(2)), new TrackedLinks.Link(row.getLong(3),
                row.getString(4), row.getLong(5), row.getLong(6), row.getLong(7), Jdbc.longOrNull(row, 8),
                row.getString(9))), token);
    }

    private static String currency(String code) {
        try {
            return Currency.getInstance(code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT))
                    .getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("The currency must be an ISO 4217 code such as EUR or USD.");
        }
    }

    private record Click(long id, Instant clickedAt, TrackedLinks.Link link) {
    }
}
