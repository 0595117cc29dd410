package app.herald.api.web;

import app.herald.api.application.ApiPosts;
import app.herald.api.application.IdempotencyKeys;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.tenancy.application.TenantUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every error of the API as an RFC 9457 problem document with a message a person can act on. Nothing here repeats
 * an exception's internals: a failure on Herald's side is logged under a reference the answer gives.
 */
@Provider
@ApplicationScoped
public class Problems implements ExceptionMapper<Throwable> {

    public static final MediaType PROBLEM = new MediaType("application", "problem+json");
    private static final Logger LOG = Logger.getLogger(Problems.class.getName());
    private static final Pattern PROPERTY = Pattern.compile("property '?([A-Za-z]+)'?");

    /** The body of a problem answer. */
    @Schema(name = "Problem", description = "An RFC 9457 problem document")
    public record Problem(String type, String title, int status, String detail) {
    }

    public static Response of(Response.Status status, String detail) {
        return of(status.getStatusCode(), status.getReasonPhrase(), detail);
    }

    public static Response of(int status, String title, String detail) {
        return Response.status(status).type(PROBLEM).entity(new Problem("about:blank", title, status, detail)).build();
    }

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable cause = meaningful(thrown);
        if (cause instanceof BodyLimit.TooLarge || Boolean.TRUE.equals(request.getAttribute(BodyLimit.PASSED_LIMIT))) {
            return of(413, "Content Too Large", BodyLimit.TOO_LARGE);
        }
        if (cause instanceof IdempotencyKeys.KeyInUse inUse) {
            return of(inUse.status(), inUse.status() == 409 ? "Conflict" : "Unprocessable Content", inUse.getMessage());
        }
        if (cause instanceof ApiPosts.Stale stale) {
            return of(Response.Status.PRECONDITION_FAILED, stale.getMessage());
        }
        if (cause instanceof TenantUnavailable unavailable) {
            return Response.fromResponse(of(Response.Status.SERVICE_UNAVAILABLE, unavailable.getMessage()))
                    .header("Retry-After", "60").build();
        }
        if (cause instanceof RuleViolation rule) {
            return of(422, "Unprocessable Content", rule.getMessage());
        }
        if (cause instanceof AccessDenied) {
            return of(Response.Status.NOT_FOUND, "There is nothing at this address for this token: it does not exist,"
                    + " or the token (or the member it acts for) may not see it.");
        }
        if (cause instanceof JsonbException json) {
            Matcher property = PROPERTY.matcher(String.valueOf(json.getMessage()));
            return of(Response.Status.BAD_REQUEST, "The body is not the JSON this request takes"
                    + (property.find() ? " (see '" + property.group(1) + "')" : "")
                    + ". Times are ISO-8601 instants such as 2027-01-31T09:30:00Z; ids are numbers.");
        }
        if (cause instanceof WebApplicationException web && web.getResponse().hasEntity()) {
            return web.getResponse();
        }
        if (cause instanceof WebApplicationException web) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            if (status.getStatusCode() < 500) {
                return of(status.getStatusCode(), status.getReasonPhrase(), webDetail(status.getStatusCode()));
            }
        }
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "API request failed, reference " + reference, thrown);
        return of(Response.Status.INTERNAL_SERVER_ERROR, "Herald could not complete this request. It has been logged "
                + "under reference " + reference + "; please try again later.");
    }

    private static String webDetail(int status) {
        return switch (status) {
            case 404 -> "There is no such address in this API. Its reference is the OpenAPI document at /openapi.";
            case 405 -> "This address does not take that method.";
            case 406 -> "This API answers in JSON (application/json).";
            case 415 -> "Send the body as JSON (Content-Type: application/json).";
            case 400 -> "The request is malformed: a parameter or the body cannot be read.";
            default -> "The request cannot be served as sent.";
        };
    }

    /**
     * The exception that says what went wrong, under the container's and the JSON reader's wrappers. A body cut off
     * at the size limit counts first: the JSON reader reports it as malformed JSON around it.
     */
    private static Throwable meaningful(Throwable thrown) {
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = thrown; t != null && chain.size() < 10 && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain.stream().filter(BodyLimit.TooLarge.class::isInstance).findFirst()
                .or(() -> chain.stream().filter(t -> t instanceof RuleViolation || t instanceof AccessDenied
                        || t instanceof JsonbException || t instanceof IdempotencyKeys.KeyInUse
                        || t instanceof ApiPosts.Stale).findFirst())
                .orElse(thrown);
    }
}
