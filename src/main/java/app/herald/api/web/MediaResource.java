package app.herald.api.web;

import app.herald.content.application.MediaLibrary;
import app.herald.content.domain.MediaFile;
import app.herald.identity.domain.ApiScope;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A client's media library, whose ids a post's variants name (in {@code media}). Files are uploaded on the Media
 * screen, which checks what they really are; the API names them.
 */
@Path("clients/{client}/media")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Posts")
public class MediaResource {

    /** An image or video of the library. */
    @Schema(name = "MediaView", description = "An item of a client's media library")
    public record MediaView(@Schema(type = SchemaType.INTEGER, format = "int64") long id, String fileName,
                            String contentType, long sizeBytes, Integer width, Integer height) {

        static MediaView of(MediaFile m) {
            return new MediaView(m.getId(), m.getFileName(), m.getMediaType().contentType(), m.getSizeBytes(),
                    m.getWidth(), m.getHeight());
        }
    }

    @Inject
    ApiRequest request;
    @Inject
    MediaLibrary library;
    @Context
    UriInfo uri;
    @Context
    HttpServletResponse response;

    @GET
    @NeedsScope(ApiScope.POSTS_READ)
    @Operation(summary = "The client's media library, newest first; follow the Link header (rel=next) for more")
    public List<MediaView> media(@PathParam("client") long client, @QueryParam("cursor") String cursor,
                                 @Parameter(description = "1 to 100, 25 when not given", schema = @Schema(
                                         type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "25"))
                                 @QueryParam("limit") String limit) {
        request.enter(client);
        return Cursors.page(cursor, limit, (below, size) -> library.newestBelow(below, size).stream()
                .map(MediaView::of).toList(), MediaView::id, uri, response);
    }
}
