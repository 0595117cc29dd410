package app.herald.identity.web;

import app.herald.identity.application.Actors;
import app.herald.identity.application.SignInStanding;
import app.herald.identity.domain.Actor;
import app.herald.kernel.web.SecurityHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;

/**
 * Herald's authentication mechanism. The sign-in page hands it the credentials (through SecurityContext.authenticate);
 * the session keeps only who signed in, and every request gets that person's groups afresh from the database.
 *
 * Payara's built-in form mechanisms keep the groups in the session's authentication state instead, and lose them:
 * under load a signed-in request can come back 403 (Payara#6145), and in a cluster every request that reaches another
 * node does (Payara#6342). Reading the groups per request also means a role change or a suspended agency takes effect
 * at the next click, not at the next sign-in.
 */
@ApplicationScoped
public class SessionSignIn implements HttpAuthenticationMechanism {

    /** The e-mail address of the person signed in to this session. */
    static final String SIGNED_IN = "herald.signed-in";
    /** A page someone asked for before signing in, to land on afterwards. */
    static final String CONTINUE_TO = "herald.continue-to";
    private static final String LOGIN_PAGE = "/login.xhtml";
    /** The caller and group of a request that presented the operator token. */
    static final String OPERATOR = "OPERATOR";

    @Inject
    IdentityStoreHandler identities;
    @Inject
    Actors actors;
    @Inject
    SignInStanding standing;
    @Inject
    OperatorToken operatorToken;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        SecurityHeaders.apply(response);
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return signIn(request, context, credential);
        }
        if (!context.isProtected() && isStaticResource(request)) {
            // Style sheets, scripts and images need nobody's groups: no database reads for them.
            return context.doNothing();
        }
        Optional<String> bearer = bearer(request);
        if (bearer.isPresent()) {
            return operatorToken.matches(bearer.get())
                    ? context.notifyContainerAboutLogin(OPERATOR, Set.of(OPERATOR))
                    : unauthorized(response);
        }
        HttpSession session = request.getSession(false);
        Object email = session == null ? null : session.getAttribute(SIGNED_IN);
        if (email instanceof String signedIn) {
            Optional<Actor> actor = actors.byEmail(signedIn).filter(a -> standing.refusal(a).isEmpty());
            if (actor.isPresent()) {
                return context.notifyContainerAboutLogin(signedIn, actor.get().groups());
            }
            // The account was closed, or its agency or client suspended, since: this session ends here.
            session.removeAttribute(SIGNED_IN);
        }
        if (context.isProtected() && isOperatorEndpoint(request)) {
            // Monitoring is no browser: it gets a 401 to act on, not the sign-in page.
            return unauthorized(response);
        }
        if (context.isProtected()) {
            rememberWhereTo(request);
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        return context.doNothing();
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context, Credential credential) {
        CredentialValidationResult result = identities.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            // No 401 page: the sign-in page itself says what went wrong.
            return AuthenticationStatus.SEND_FAILURE;
        }
        request.getSession(true).setAttribute(SIGNED_IN, result.getCallerPrincipal().getName());
        return context.notifyContainerAboutLogin(result);
    }

    /**
     * Written here and committed, since Payara answers a mechanism's 401 with its own error page (which names it)
     * rather than the application's.
     */
    private static AuthenticationStatus unauthorized(HttpServletResponse response) {
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"herald\"");
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Sign-in needed: a platform administrator's session or the operator token.\n");
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static Optional<String> bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).strip());
    }

    private static boolean isOperatorEndpoint(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.matches("/(metrics|openapi|health)(/.*)?");
    }

    private static boolean isStaticResource(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/jakarta.faces.resource/");
    }

    /** Only a plain GET of a page inside Herald is worth returning to; never an address from elsewhere. */
    private static void rememberWhereTo(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        if (path.startsWith("/") && !path.startsWith("//")) {
            request.getSession(true).setAttribute(CONTINUE_TO, path + (query == null ? "" : "?" + query));
        }
    }

    /** Where to land after signing in: the page asked for first, once; otherwise the person's home. */
    static String landingAfterSignIn(HttpSession session) {
        Object wanted = session == null ? null : session.getAttribute(CONTINUE_TO);
        if (session != null) {
            session.removeAttribute(CONTINUE_TO);
        }
        return wanted instanceof String path && path.startsWith("/") && !path.startsWith("//") ? path : "/index.xhtml";
    }
}
