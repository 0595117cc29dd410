package app.herald.api.web;

import app.herald.content.application.Campaigns;
import app.herald.content.domain.Campaign;
import app.herald.identity.domain.Actor;
import app.herald.identity.domain.ApiScope;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A client's campaigns: the groups posts are planned and measured in (a post names its campaign). */
@Path("clients/{client}/campaigns")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Campaigns")
public class CampaignsResource {

    /** A campaign: its days in the client's zone, goal, budget and the utm_campaign its links carry. */
    @Schema(name = "CampaignView", description = "A campaign of one client")
    public record CampaignView(@Schema(type = SchemaType.INTEGER, format = "int64") long id, String name,
                               @Schema(type = SchemaType.STRING, format = "date") LocalDate startsOn,
                               @Schema(type = SchemaType.STRING, format = "date") LocalDate endsOn, String goal,
                               BigDecimal budget, String currency, String utmCampaign, String colour) {

        static CampaignView of(Campaign c) {
            return new CampaignView(c.getId(), c.getName(), c.getStartsOn(), c.getEndsOn(), c.getGoal(), c.getBudget(),
                    c.getCurrency(), c.getUtmCampaign(), c.getColour());
        }
    }

    /** A new campaign; days as YYYY-MM-DD, the budget in the currency's units. */
    @Schema(name = "CampaignInput", description = "A campaign to create")
    public record CampaignInput(String name, @Schema(type = SchemaType.STRING, format = "date") String startsOn,
                                @Schema(type = SchemaType.STRING, format = "date") String endsOn, String goal,
                                BigDecimal budget, String currency, String utmCampaign, String colour) {
    }

    @Inject
    ApiRequest request;
    @Inject
    Campaigns campaigns;
    @Context
    UriInfo uri;

    @GET
    @NeedsScope(ApiScope.POSTS_READ)
    @Operation(summary = "The client's campaigns")
    @APIResponse(responseCode = "200", description = "Every campaign", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView[].class)))
    public List<CampaignView> campaigns(@PathParam("client") long client) {
        request.enter(client);
        return campaigns.all().stream().map(CampaignView::of).toList();
    }

    @POST
    @NeedsScope(ApiScope.POSTS_WRITE)
    @Operation(summary = "A new campaign")
    @APIResponse(responseCode = "201", description = "The campaign", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "default", description = "A problem document (RFC 9457)", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = Problems.Problem.class)))
    public Response createCampaign(@PathParam("client") long client, CampaignInput input) {
        Actor actor = request.enter(client);
        PostsResource.requireWriter(actor);
        if (input == null) {
            throw new RuleViolation("Send the campaign as JSON: {\"name\": ..., \"startsOn\": \"2027-03-01\", "
                    + "\"endsOn\": \"2027-03-31\"}.");
        }
        Campaign made = campaigns.create(actor, input.name(), ApiPeriods.day("startsOn", input.startsOn()),
                ApiPeriods.day("endsOn", input.endsOn()), input.goal(), input.budget(), input.currency(),
                input.utmCampaign(), input.colour());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(made.getId())).build())
                .entity(CampaignView.of(made)).build();
    }

    @GET
    @Path("{campaign}")
    @NeedsScope(ApiScope.POSTS_READ)
    @Operation(summary = "One campaign")
    @APIResponse(responseCode = "200", description = "The campaign", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "default", description = "A problem document (RFC 9457)", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = Problems.Problem.class)))
    public CampaignView campaign(@PathParam("client") long client, @PathParam("campaign") long campaign) {
        request.enter(client);
        return campaigns.byId(campaign).map(CampaignView::of)
                .orElseThrow(() -> new AccessDenied("No campaign " + campaign + " in client " + client));
    }
}
