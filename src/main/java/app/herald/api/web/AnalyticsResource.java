package app.herald.api.web;

import app.herald.analytics.application.Analytics;
import app.herald.analytics.application.Trend;
import app.herald.analytics.domain.Basis;
import app.herald.analytics.domain.Period;
import app.herald.analytics.domain.Totals;
import app.herald.identity.domain.ApiScope;
import app.herald.kernel.RuleViolation;
import app.herald.tenancy.application.TenantGate;
import app.herald.tenancy.domain.TenantRef;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A client's results over a period, against the period before: what its dashboard's headline shows. */
@Path("clients/{client}/analytics")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics")
public class AnalyticsResource {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    /** Days in the client's zone, both ends included; network numbers a channel does not offer are null. */
    public record Summary(@Schema(type = SchemaType.STRING, format = "date") LocalDate from,
                          @Schema(type = SchemaType.STRING, format = "date") LocalDate to, String basis,
                          String timeZone, String currency, Figures current, Figures previous) {
    }

    /** The figures of one period. Rates are fractions (0.034 is 3.4 %); money is in the currency's units. */
    public record Figures(int postsPublished, Long impressions, Long reach, Long engagements, Long networkClicks,
                          long clicks, long conversions, BigDecimal conversionValue, Long followersAtStart,
                          Long followersAtEnd, Long netNewFollowers, BigDecimal engagementRate,
                          BigDecimal clickThroughRate, BigDecimal conversionRate) {

        static Figures of(Totals t) {
            return new Figures(t.postsPublished(), t.impressions(), t.reach(), t.engagements(), t.networkClicks(),
                    t.clicks(), t.conversions(), t.conversionValue(), t.followersAtStart(), t.followersAtEnd(),
                    t.netNewFollowers(), t.engagementRateByImpressions(), t.clickThroughRate(), t.conversionRate());
        }
    }

    @Inject
    ApiRequest request;
    @Inject
    TenantGate gate;
    @Inject
    Analytics analytics;

    @GET
    @NeedsScope(ApiScope.ANALYTICS_READ)
    @Operation(summary = "The client's totals for a period (at most 731 days) and for the period before it")
    public Summary summary(@PathParam("client") long client,
                           @Parameter(description = "first day, YYYY-MM-DD") @QueryParam("from") String from,
                           @Parameter(description = "last day, YYYY-MM-DD") @QueryParam("to") String to,
                           @Parameter(description = "ACTIVITY (default) or LIFETIME") @QueryParam("basis")
                           String basis) {
        TenantRef tenant = gate.enter(request.caller().actor(), client);
        Period period = new Period(day("from", from), day("to", to), basis(basis));
        Trend trend = analytics.trend(period);
        return new Summary(period.from(), period.to(), period.basis().name(), tenant.zone().getId(), trend.currency(),
                Figures.of(trend.current()), Figures.of(trend.previous()));
    }

    private static LocalDate day(String name, String text) {
        if (text == null || text.isBlank()) {
            throw new RuleViolation("Give '" + name + "' as a day, YYYY-MM-DD.");
        }
        try {
            return LocalDate.parse(text, DAY);
        } catch (DateTimeParseException e) {
            throw new RuleViolation("'" + name + "' is not a day of the calendar: " + text + " (write YYYY-MM-DD).");
        }
    }

    private static Basis basis(String text) {
        if (text == null || text.isBlank()) {
            return Basis.ACTIVITY;
        }
        try {
            return Basis.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("The basis is ACTIVITY or LIFETIME, not " + text + ".");
        }
    }
}
