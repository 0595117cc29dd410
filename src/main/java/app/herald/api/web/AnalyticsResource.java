package app.herald.api.web;

import app.herald.analytics.application.Analytics;
import app.herald.analytics.application.Trend;
import app.herald.analytics.domain.DailyPoint;
import app.herald.analytics.domain.Formulas;
import app.herald.analytics.domain.Period;
import app.herald.analytics.domain.Totals;
import app.herald.identity.domain.ApiScope;
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
import java.util.List;
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

    /** Days in the client's zone, both ends included; network numbers a channel does not offer are null. */
    public record Summary(@Schema(type = SchemaType.STRING, format = "date") LocalDate from,
                          @Schema(type = SchemaType.STRING, format = "date") LocalDate to, String basis,
                          String timeZone, String currency, Figures current, Figures previous,
                          @Schema(implementation = Day[].class) List<Day> days) {
    }

    /** One day of the period, summed over the client's channels; network numbers are null when not offered. */
    @Schema(name = "AnalyticsDay", description = "One day of a client's activity")
    public record Day(@Schema(type = SchemaType.STRING, format = "date") LocalDate day, int postsPublished,
                      Long impressions, Long engagements, long clicks, long conversions,
                      BigDecimal conversionValue) {

        static Day of(DailyPoint point) {
            return new Day(point.day(), point.postsPublished(), point.impressions(), point.engagements(),
                    point.clicks(), point.conversions(), Formulas.money(point.conversionValueCents()));
        }
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
    @Operation(summary = "The client's totals for a period (at most 731 days), for the period before it, and each "
            + "day of the period")
    public Summary summary(@PathParam("client") long client,
                           @Parameter(description = "first day, YYYY-MM-DD") @QueryParam("from") String from,
                           @Parameter(description = "last day, YYYY-MM-DD") @QueryParam("to") String to,
                           @Parameter(description = "ACTIVITY (default) or LIFETIME") @QueryParam("basis")
                           String basis) {
        TenantRef tenant = gate.enter(request.caller().actor(), client);
        Period period = ApiPeriods.of(from, to, basis);
        Trend trend = analytics.trend(period);
        return new Summary(period.from(), period.to(), period.basis().name(), tenant.zone().getId(), trend.currency(),
                Figures.of(trend.current()), Figures.of(trend.previous()),
                trend.days().stream().map(Day::of).toList());
    }
}
