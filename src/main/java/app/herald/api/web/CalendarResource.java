package app.herald.api.web;

import app.herald.api.application.ApiPosts;
import app.herald.api.application.PostView;
import app.herald.identity.domain.ApiScope;
import app.herald.kernel.RuleViolation;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A client's calendar: the posts planned in a span of time. */
@Path("clients/{client}/calendar")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar")
public class CalendarResource {

    @Inject
    ApiRequest request;
    @Inject
    ApiPosts posts;

    @GET
    @NeedsScope(ApiScope.POSTS_READ)
    @Operation(summary = "The posts planned from (inclusive) until (exclusive), at most 93 days")
    public List<PostView> calendar(@PathParam("client") long client,
                                   @Parameter(description = "an instant, e.g. 2027-03-01T00:00:00Z") @QueryParam("from")
                                   String from,
                                   @Parameter(description = "an instant") @QueryParam("until") String until) {
        return posts.planned(request.enter(client), instant("from", from), instant("until", until));
    }

    private static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            throw new RuleViolation("Give '" + name + "' as an instant, e.g. 2027-03-01T00:00:00Z.");
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new RuleViolation("'" + name + "' is not an instant: " + text
                    + " (write it as 2027-03-01T00:00:00Z).");
        }
    }
}
