package app.herald.api.web;

import app.herald.api.application.ApiPosts;
import app.herald.api.application.IdempotencyKeys;
import app.herald.api.application.PostInput;
import app.herald.api.application.PostView;
import app.herald.api.application.Representations;
import app.herald.content.domain.PostSearch;
import app.herald.identity.domain.Actor;
import app.herald.identity.domain.ApiCaller;
import app.herald.identity.domain.ApiScope;
import app.herald.kernel.Secrets;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.paging.SearchWords;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A client's posts: list (newest first, by cursor), read (with an ETag), write (a POST may carry an
 * Idempotency-Key; a PUT must carry If-Match), schedule, submit for review and record review decisions.
 */
@Path("clients/{client}/posts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Posts")
public class PostsResource {

    /** A time for the post; none takes it off the calendar. */
    public record ScheduleInput(@Schema(type = SchemaType.STRING, format = "date-time") Instant at) {
    }

    /** A review decision: approve, request_changes or reject. */
    public record DecisionInput(String decision, String comment) {
    }

    @Inject
    ApiRequest request;
    @Inject
    ApiPosts posts;
    @Inject
    IdempotencyKeys idempotency;
    @Context
    UriInfo uri;
    @Context
    Request conditions;

    @GET
    @NeedsScope(ApiScope.POSTS_READ)
    @Operation(summary = "The client's posts, newest first; follow the Link header (rel=next) for more")
    @APIResponse(responseCode = "200", description = "A page of posts", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView[].class)))
    @APIResponse(responseCode = "default", description = "A problem document (RFC 9457)", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = Problems.Problem.class)))
    public Response list(@PathParam("client") long client, @QueryParam("cursor") String cursor,
                         @Parameter(description = "1 to 100, 25 when not given", schema = @Schema(
                                 type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "25"))
                         @QueryParam("limit") String limit,
                         @Parameter(description = "DRAFT, IN_REVIEW, CLIENT_REVIEW, CHANGES_REQUESTED, REJECTED or "
                                 + "APPROVED") @QueryParam("state") String state,
                         @Parameter(description = "words in the title or text") @QueryParam("q") String words) {
        int size = Cursors.pageSize(limit);
        Actor actor = request.enter(client);
        Optional<Long> below = Cursors.read(cursor);
        ApiPosts.Page page = posts.page(actor, new PostSearch(SearchWords.of(words), ApiPosts.state(state)),
                below.orElse(null), size);
        return Cursors.page(page.posts(), page.continueBelow(), uri);
    }

    @GET
    @Path("{post}")
    @NeedsScope(ApiScope.POSTS_READ)
    @Operation(summary = "One post with its variants; answers 304 to If-None-Match with its current ETag")
    @APIResponse(responseCode = "200", description = "The post", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "default", description = "A problem document (RFC 9457)", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = Problems.Problem.class)))
    public Response get(@PathParam("client") long client, @PathParam("post") long post) {
        PostView view = posts.get(request.enter(client), post);
        EntityTag tag = tag(view);
        Response.ResponseBuilder unchanged = conditions.evaluatePreconditions(tag);
        return (unchanged != null ? unchanged : Response.ok(view)).tag(tag).build();
    }

    @POST
    @NeedsScope(ApiScope.POSTS_WRITE)
    @Operation(summary = "A new draft; send an Idempotency-Key to make retries safe")
    @APIResponse(responseCode = "201", description = "The new draft", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "default", description = "A problem document (RFC 9457)", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = Problems.Problem.class)))
    public Response create(@PathParam("client") long client, PostInput input,
                           @HeaderParam("Idempotency-Key") String key) {
        Actor actor = request.enter(client);
        requireWriter(actor);
        PostInput body = required(input);
        if (key == null) {
            PostView created = posts.create(actor, body, Optional.empty(), v -> location(client, v));
            return Response.created(URI.create(location(client, created))).entity(created).tag(tag(created)).build();
        }
        ApiCaller caller = request.caller();
        IdempotencyKeys.Claim claim;
        try {
            claim = idempotency.claim(caller.tokenId(), key, Secrets.sha256(client + "\n" + Representations.json(body)),
                    Instant.now());
        } catch (EJBException raced) {
            // Another request with the same key claimed it in the same instant.
            throw new IdempotencyKeys.KeyInUse(409, "A request with this Idempotency-Key is still running.");
        }
        if (claim.earlier().isPresent()) {
            var earlier = claim.earlier().get();
            Response.ResponseBuilder replay = Response.status(earlier.getStatus())
                    .entity(earlier.getBody()).type(MediaType.APPLICATION_JSON).header("Idempotent-Replayed", "true");
            earlier.getLocation().ifPresent(l -> replay.location(URI.create(l)));
            return replay.build();
        }
        try {
            PostView created = posts.create(actor, body, Optional.of(claim.id()), v -> location(client, v));
            return Response.created(URI.create(location(client, created))).entity(created).tag(tag(created)).build();
        } catch (RuntimeException failed) {
            idempotency.release(claim.id());
            throw failed;
        }
    }

    @PUT
    @Path("{post}")
    @NeedsScope(ApiScope.POSTS_WRITE)
    @Operation(summary = "Replaces the post's title, text and channels; needs If-Match with the ETag last read")
    @APIResponse(responseCode = "200", description = "The post as changed", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "default", description = "A problem document (RFC 9457)", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = Problems.Problem.class)))
    public Response update(@PathParam("client") long client, @PathParam("post") long post,
                           @HeaderParam("If-Match") String ifMatch, PostInput input) {
        Actor actor = request.enter(client);
        requireWriter(actor);
        if (ifMatch == null || ifMatch.isBlank()) {
            return Problems.of(428, "Precondition Required", "Send If-Match with the ETag of the post as you read it, "
                    + "so that a change made meanwhile is not overwritten.");
        }
        PostView updated = posts.update(actor, post, ifMatch.strip(), required(input));
        return Response.ok(updated).tag(tag(updated)).build();
    }

    @POST
    @Path("{post}/schedule")
    @NeedsScope(ApiScope.POSTS_WRITE)
    @Operation(summary = "Sets the post's time (an instant in the future), or takes it off the calendar (at: null)")
    @APIResponse(responseCode = "200", description = "The post as scheduled", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "default", description = "A problem document (RFC 9457)", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = Problems.Problem.class)))
    public Response schedule(@PathParam("client") long client, @PathParam("post") long post, ScheduleInput input) {
        Actor actor = request.enter(client);
        requireWriter(actor);
        PostView view = posts.schedule(actor, post, input == null ? null : input.at());
        return Response.ok(view).tag(tag(view)).build();
    }

    @POST
    @Path("{post}/queue")
    @NeedsScope(ApiScope.POSTS_WRITE)
    @Operation(summary = "Puts the post in the next free posting slot of its channels (the client's weekly slots)")
    @APIResponse(responseCode = "200", description = "The post as scheduled", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "default", description = "A problem document (RFC 9457)", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = Problems.Problem.class)))
    public Response queue(@PathParam("client") long client, @PathParam("post") long post) {
        Actor actor = request.enter(client);
        requireWriter(actor);
        PostView view = posts.queue(actor, post);
        return Response.ok(view).tag(tag(view)).build();
    }

    @DELETE
    @Path("{post}")
    @NeedsScope(ApiScope.POSTS_WRITE)
    @Operation(summary = "Deletes a draft that was never sent to review (a reviewed post keeps its history)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "default", description = "A problem document (RFC 9457)", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = Problems.Problem.class)))
    public Response delete(@PathParam("client") long client, @PathParam("post") long post) {
        Actor actor = request.enter(client);
        requireWriter(actor);
        posts.discard(actor, post);
        return Response.noContent().build();
    }

    @POST
    @Path("{post}/submit")
    @NeedsScope(ApiScope.POSTS_WRITE)
    @Operation(summary = "Sends the post to review, once every variant fits its network")
    @APIResponse(responseCode = "200", description = "The post in review", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "default", description = "A problem document (RFC 9457)", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = Problems.Problem.class)))
    public Response submit(@PathParam("client") long client, @PathParam("post") long post) {
        Actor actor = request.enter(client);
        requireWriter(actor);
        PostView view = posts.submit(actor, post);
        return Response.ok(view).tag(tag(view)).build();
    }

    @POST
    @Path("{post}/decisions")
    @NeedsScope(ApiScope.REVIEWS_WRITE)
    @Operation(summary = "Records a review decision at the post's current review step")
    @APIResponse(responseCode = "200", description = "The post after the decision", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PostView.class)))
    @APIResponse(responseCode = "default", description = "A problem document (RFC 9457)", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = Problems.Problem.class)))
    public Response decide(@PathParam("client") long client, @PathParam("post") long post, DecisionInput input) {
        Actor actor = request.enter(client);
        if (input == null) {
            return Problems.of(400, "Bad Request", "Send the decision as JSON: {\"decision\": \"approve\"}.");
        }
        PostView view = posts.decide(actor, post, input.decision(), input.comment());
        return Response.ok(view).tag(tag(view)).build();
    }

    /** Said plainly, rather than as "not found": the token is fine, its member's role does not write. */
    static void requireWriter(Actor actor) {
        if (!actor.writesContent()) {
            throw new jakarta.ws.rs.WebApplicationException(Problems.of(Response.Status.FORBIDDEN,
                    "The member this token acts for (" + actor.role().map(r -> r.label()).orElse("no role")
                            + ") may not write posts."));
        }
    }

    private static PostInput required(PostInput input) {
        if (input == null) {
            throw new RuleViolation("Send the post as JSON: {\"title\": ..., \"text\": ..., "
                    + "\"channels\": [...]}.");
        }
        return input;
    }

    private String location(long client, PostView view) {
        return uri.getBaseUriBuilder().path("clients").path(String.valueOf(client)).path("posts")
                .path(String.valueOf(view.id())).build().toString();
    }

    private static EntityTag tag(PostView view) {
        String quoted = Representations.etag(view);
        return new EntityTag(quoted.substring(1, quoted.length() - 1));
    }
}
