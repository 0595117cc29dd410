package app.herald.identity.web;

import app.herald.identity.application.Actors;
import app.herald.identity.application.SignInOutcome;
import app.herald.identity.application.SignInStanding;
import app.herald.identity.application.SignedInSessions;
import app.herald.identity.application.TwoFactor;
import app.herald.identity.domain.Actor;
import app.herald.kernel.RuleViolation;
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
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Herald's authentication mechanism. The sign-in page hands it the credentials (through SecurityContext.authenticate);
 * the session keeps only who signed in, and every request gets that person's groups afresh from the database. A
 * person with two-factor sign-in (or whose agency requires it) is signed in only after the second step: until then
 * the session holds a {@link PendingSignIn}, which opens nothing.
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
    /** The key of this browser's record among the person's sessions ({@link SignedInSessions}). */
    static final String SESSION_KEY = "herald.session-key";
    /** A page someone asked for before signing in, to land on afterwards. */
    static final String CONTINUE_TO = "herald.continue-to";
    private static final String LOGIN_PAGE = "/login.xhtml";
    static final String CODE_PAGE = "/sign-in-code.xhtml";
    static final String ENROL_PAGE = "/two-factor-setup.xhtml";
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
    @Inject
    TwoFactor twoFactor;
    @Inject
    SignInOutcome outcome;
    @Inject
    SignedInSessions sessions;

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
        if (isApi(request)) {
            // The REST API checks its own tokens (TokenAuthentication) and answers in problem documents.
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
            if (actor.isPresent() && session.getAttribute(SESSION_KEY) instanceof String key
                    && sessions.stillSignedIn(key, actor.get().userId(), Instant.now())) {
                return context.notifyContainerAboutLogin(signedIn, actor.get().groups());
            }
            // The account was closed, its agency or client suspended, or this browser signed out from another: this
            // session ends here.
            session.removeAttribute(SIGNED_IN);
            session.removeAttribute(SESSION_KEY);
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
        if (credential instanceof SecondFactorCredential second) {
            return secondStep(request, context, second);
        }
        if (credential instanceof SingleSignOnCredential provider) {
            return signedInByProvider(request, context, provider.email());
        }
        CredentialValidationResult result = identities.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            // No 401 page: the sign-in page itself says what went wrong.
            return AuthenticationStatus.SEND_FAILURE;
        }
        String email = result.getCallerPrincipal().getName();
        HttpSession session = request.getSession(true);
        TwoFactor.Step next = twoFactor.stepAfterPassword(email);
        if (next != TwoFactor.Step.NONE) {
            // Whoever this session was signed in as before, it is nobody until the second step is done.
            session.removeAttribute(SIGNED_IN);
            session.removeAttribute(SESSION_KEY);
            session.setAttribute(PendingSignIn.ATTRIBUTE, new PendingSignIn(email, next, Instant.now()));
            return context.redirect(request.getContextPath()
                    + (next == TwoFactor.Step.CODE ? CODE_PAGE : ENROL_PAGE));
        }
        signedIn(request, session, email);
        return context.notifyContainerAboutLogin(result);
    }

    /**
     * The code after the password, or the end of enrolment: the person is the one whose password this session gave,
     * and enrolment counts only when it was completed after that.
     */
    private AuthenticationStatus secondStep(HttpServletRequest request, HttpMessageContext context,
                                            SecondFactorCredential second) {
        HttpSession session = request.getSession(false);
        Instant now = Instant.now();
        Optional<PendingSignIn> pending = pendingSignIn(session, now);
        if (pending.isEmpty()) {
            outcome.refuse("Your sign-in took too long. Sign in again with your password.");
            return AuthenticationStatus.SEND_FAILURE;
        }
        String email = pending.get().email();
        boolean proven;
        try {
            proven = pending.get().step() == TwoFactor.Step.CODE
                    ? twoFactor.check(email, second.code(), now)
                    : twoFactor.enrolledSince(email).filter(since -> !since.isBefore(pending.get().since())).isPresent();
        } catch (RuleViolation e) {
            outcome.refuse(e.getMessage());
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (!proven) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        return signedInIfInGoodStanding(request, context, session, email);
    }

    /**
     * An agency's identity provider vouched for the person: no password and no Herald code, since the provider asks
     * for its own factors. The account's standing is checked as for any sign-in.
     */
    private AuthenticationStatus signedInByProvider(HttpServletRequest request, HttpMessageContext context,
                                                    String email) {
        return signedInIfInGoodStanding(request, context, request.getSession(true), email);
    }

    /** The last check of every sign-in that did not go through the identity store: the account and its agency. */
    private AuthenticationStatus signedInIfInGoodStanding(HttpServletRequest request, HttpMessageContext context,
                                                          HttpSession session, String email) {
        Optional<Actor> actor = actors.byEmail(email);
        Optional<String> refusal = actor.isEmpty() ? Optional.of("Your account can no longer sign in.")
                : standing.refusal(actor.get());
        if (refusal.isPresent()) {
            outcome.refuse(refusal.get());
            return AuthenticationStatus.SEND_FAILURE;
        }
        signedIn(request, session, email);
        return context.notifyContainerAboutLogin(email, actor.get().groups());
    }

    /** The session is signed in from here on, and recorded among the person's browsers. */
    private void signedIn(HttpServletRequest request, HttpSession session, String email) {
        session.removeAttribute(PendingSignIn.ATTRIBUTE);
        session.setAttribute(SIGNED_IN, email);
        session.setAttribute(SESSION_KEY, sessions.start(email, request.getHeader("User-Agent"),
                request.getRemoteAddr(), Instant.now()));
    }

    /** The session's sign-in that still owes its second factor, if it is recent enough. */
    static Optional<PendingSignIn> pendingSignIn(HttpSession session, Instant now) {
        Object found = session == null ? null : session.getAttribute(PendingSignIn.ATTRIBUTE);
        return found instanceof PendingSignIn pending && pending.isCurrent(now) ? Optional.of(pending)
                : Optional.empty();
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

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
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
