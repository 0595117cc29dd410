package app.herald.api.web;

import app.herald.identity.domain.ApiScope;
import app.herald.tracking.application.TrackedLinks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A client's tracked links (made when posts go out): where each points and the clicks and conversions it brought. */
@Path("clients/{client}/links")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics")
public class LinksResource {

    /** A short link Herald put in a published post, with what it brought (bots' clicks are not counted). */
    @Schema(name = "LinkView", description = "A tracked link and its results")
    public record LinkView(@Schema(type = SchemaType.INTEGER, format = "int64") long id, String shortUrl,
                           String originalUrl, @Schema(type = SchemaType.INTEGER, format = "int64") long post,
                           long clicks, long conversions, BigDecimal conversionValue) {
    }

    @Inject
    ApiRequest request;
    @Inject
    TrackedLinks links;
    @Context
    UriInfo uri;
    @Context
    HttpServletResponse response;

    @GET
    @NeedsScope(ApiScope.ANALYTICS_READ)
    @Operation(summary = "The client's tracked links, newest first; follow the Link header (rel=next) for more")
    public List<LinkView> links(@PathParam("client") long client, @QueryParam("cursor") String cursor,
                                @Parameter(description = "1 to 100, 25 when not given", schema = @Schema(
                                        type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "25"))
                                @QueryParam("limit") String limit) {
        request.enter(client);
        return Cursors.page(cursor, limit, (below, size) -> links.statsBelow(below, size).stream()
                .map(l -> new LinkView(l.id(), links.shortUrl(l.code()), l.originalUrl(), l.postId(), l.clicks(),
                        l.conversions(), l.getConversionValue())).toList(), LinkView::id, uri, response);
    }
}
