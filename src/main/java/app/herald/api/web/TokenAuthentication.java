package app.herald.api.web;

import app.herald.identity.application.ApiTokens;
import app.herald.identity.domain.ApiCaller;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;

/**
 * The door of the API: a bearer token, checked against its digest and its member's current standing, then the rate
 * limits and the scope the resource method needs. Every refusal is a problem document; the rate-limit headers go on
 * every answer.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class TokenAuthentication implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String VERDICT = "herald.api.rate";

    @Inject
    ApiTokens tokens;
    @Inject
    ApiRequest request;
    @Inject
    RateLimits limits;
    @Context
    ResourceInfo resource;
    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext context) {
        String header = context.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            context.abortWith(unauthorized("Send an API token: Authorization: Bearer hrld_..."));
            return;
        }
        ApiTokens.Check check = tokens.check(header.substring(7).strip(), servletRequest.getRemoteAddr(),
                Instant.now());
        if (check.caller().isEmpty()) {
            context.abortWith(unauthorized(check.refusal()));
            return;
        }
        ApiCaller caller = check.caller().get();
        RateLimits.Verdict verdict = limits.take(caller.tokenId(), caller.agencyId(), System.nanoTime());
        context.setProperty(VERDICT, verdict);
        if (!verdict.allowed()) {
            context.abortWith(Response.fromResponse(Problems.of(Response.Status.TOO_MANY_REQUESTS,
                    "Too many requests for this token or its agency. Try again in " + verdict.resetSeconds()
                            + " s.")).header("Retry-After", verdict.resetSeconds()).build());
            return;
        }
        NeedsScope needs = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(NeedsScope.class);
        if (needs != null && !caller.allows(needs.value())) {
            context.abortWith(Problems.of(Response.Status.FORBIDDEN, "This token lacks the scope "
                    + needs.value().code() + " (" + needs.value().label().toLowerCase(java.util.Locale.ROOT)
                    + "). Make a token with it under Agency > API tokens."));
            return;
        }
        request.authenticated(caller);
    }

    @Override
    public void filter(ContainerRequestContext requestContext, ContainerResponseContext responseContext) {
        if (requestContext.getProperty(VERDICT) instanceof RateLimits.Verdict verdict) {
            responseContext.getHeaders().putSingle("RateLimit-Limit", verdict.limit());
            responseContext.getHeaders().putSingle("RateLimit-Remaining", verdict.remaining());
            responseContext.getHeaders().putSingle("RateLimit-Reset", verdict.resetSeconds());
        }
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(Problems.of(Response.Status.UNAUTHORIZED, detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"herald-api\"").build();
    }
}
