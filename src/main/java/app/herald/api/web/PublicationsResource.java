package app.herald.api.web;

import app.herald.api.application.ApiPosts;
import app.herald.identity.domain.Actor;
import app.herald.identity.domain.ApiScope;
import app.herald.publishing.application.Publications;
import app.herald.publishing.domain.Publication;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How a client's posts go out: each post's publications (one per channel), retried or cancelled. */
@Path("clients/{client}/publications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Publishing")
public class PublicationsResource {

    /** One variant's way onto one channel: its state, when it is due, and where it was published. */
    @Schema(name = "PublicationView", description = "The publication of one post on one channel")
    public record PublicationView(@Schema(type = SchemaType.INTEGER, format = "int64") long id,
                                  @Schema(type = SchemaType.INTEGER, format = "int64") long post,
                                  @Schema(type = SchemaType.INTEGER, format = "int64") long channel, String state,
                                  @Schema(type = SchemaType.STRING, format = "date-time") Instant dueAt,
                                  int attempts,
                                  @Schema(type = SchemaType.STRING, format = "date-time") Instant publishedAt,
                                  String networkUrl, String reason) {

        static PublicationView of(Publication p) {
            return new PublicationView(p.getId(), p.getPostId(), p.getChannelId(), p.getState().name(), p.getDueAt(),
                    p.getAttempts(), p.getPublishedAt().orElse(null), p.getNetworkUrl(), p.getReason());
        }
    }

    @Inject
    ApiRequest request;
    @Inject
    ApiPosts posts;
    @Inject
    Publications publications;

    @GET
    @NeedsScope(ApiScope.POSTS_READ)
    @Operation(summary = "A post's publications, one per channel it goes to")
    public List<PublicationView> ofPost(@PathParam("client") long client,
                                        @Parameter(description = "the post's id", required = true)
                                        @QueryParam("post") Long post) {
        Actor actor = request.enter(client);
        if (post == null) {
            throw new app.herald.kernel.RuleViolation("Name the post: ?post=<id>.");
        }
        posts.get(actor, post);
        return publications.ofPost(post).stream().map(PublicationView::of).toList();
    }

    @POST
    @Path("{publication}/retry")
    @NeedsScope(ApiScope.POSTS_WRITE)
    @Operation(summary = "Tries a failed or unconfirmed publication again, now")
    public PublicationView retry(@PathParam("client") long client, @PathParam("publication") long publication) {
        return PublicationView.of(publications.retry(writer(client), publication));
    }

    @POST
    @Path("{publication}/cancel")
    @NeedsScope(ApiScope.POSTS_WRITE)
    @Operation(summary = "Stops a publication that has not gone out")
    public PublicationView cancel(@PathParam("client") long client, @PathParam("publication") long publication) {
        return PublicationView.of(publications.cancel(writer(client), publication));
    }

    private Actor writer(long client) {
        Actor actor = request.enter(client);
        PostsResource.requireWriter(actor);
        return actor;
    }
}
