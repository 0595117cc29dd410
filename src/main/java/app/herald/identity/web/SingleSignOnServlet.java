package app.herald.identity.web;

import app.herald.identity.application.SignInOutcome;
import app.herald.identity.application.SingleSignOn;
import app.herald.identity.domain.Actor;
import app.herald.identity.domain.ProvenIdentity;
import app.herald.identity.infrastructure.OpenIdConnect;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.web.Feedback;
import app.herald.kernel.web.PublicAddress;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Single sign-on's addresses: /sso/start?agency=NAME sends the browser to the agency's provider, /sso/link does the
 * same for a signed-in member who links their account, and /sso/callback takes the provider's answer. No outbound
 * call runs inside a transaction: the provider is asked between the service's short ones. Every refusal lands on the
 * sign-in page (or, when linking, the account page) with a sentence saying what to do; nothing is signed in.
 */
@WebServlet(urlPatterns = {SingleSignOnServlet.START, SingleSignOnServlet.LINK, SingleSignOnServlet.CALLBACK})
public class SingleSignOnServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SingleSignOnServlet.class.getName());

    static final String START = "/sso/start";
    static final String LINK = "/sso/link";
    static final String CALLBACK = "/sso/callback";
    /** A sentence for the next page the person sees (sign-in or account), shown once. */
    static final String NOTICE = "herald.sign-on-notice";

    @Inject
    transient SingleSignOn singleSignOn;
    @Inject
    transient CurrentActor current;
    @Inject
    transient PublicAddress publicAddress;
    @Inject
    transient SecurityContext security;
    @Inject
    transient SignInOutcome outcome;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The callback's address holds the code: keep it out of caches and out of the next page's Referer.
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        switch (request.getServletPath()) {
            case START -> start(request, response);
            case LINK -> link(request, response);
            default -> callback(request, response);
        }
    }

    private void start(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            SingleSignOn.Provider provider = singleSignOn.providerNamed(request.getParameter("agency"));
            goToProvider(request, response, provider, null);
        } catch (RuleViolation refused) {
            backTo(request, response, "/login.xhtml", refused.getMessage());
        }
    }

    private void link(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Actor> actor = current.find();
        if (actor.isEmpty()) {
            response.sendRedirect(request.getContextPath() + "/login.xhtml");
            return;
        }
        try {
            goToProvider(request, response, singleSignOn.providerForLinking(actor.get()), actor.get().userId());
        } catch (RuleViolation refused) {
            backTo(request, response, "/account.xhtml", refused.getMessage());
        }
    }

    private void goToProvider(HttpServletRequest request, HttpServletResponse response, SingleSignOn.Provider provider,
                              Long linkingUserId) throws IOException {
        OpenIdConnect.Endpoints endpoints = OpenIdConnect.discover(provider.issuer());
        OpenIdConnect.Attempt attempt = OpenIdConnect.Attempt.fresh(URI.create(publicAddress.link(CALLBACK)));
        request.getSession(true).setAttribute(SignOnAttempt.ATTRIBUTE, new SignOnAttempt(provider.agencyId(),
                provider.clientId(), endpoints, attempt, linkingUserId, Instant.now()));
        response.sendRedirect(OpenIdConnect.authorizationAddress(endpoints, provider.clientId(), attempt).toString());
    }

    private void callback(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        Object kept = session == null ? null : session.getAttribute(SignOnAttempt.ATTRIBUTE);
        if (session != null) {
            session.removeAttribute(SignOnAttempt.ATTRIBUTE);
        }
        Instant now = Instant.now();
        if (!(kept instanceof SignOnAttempt started) || !started.isCurrent(now)) {
            backTo(request, response, "/login.xhtml", "This sign-in was not started in this browser, or it took too "
                    + "long. Start again.");
            return;
        }
        String whereNext = started.linking().isPresent() ? "/account.xhtml" : "/login.xhtml";
        String email;
        try {
            SingleSignOn.Provider provider = singleSignOn.providerForAgency(started.agencyId());
            if (!provider.issuer().equals(started.provider().issuer()) || !provider.clientId().equals(started.clientId())) {
                throw new RuleViolation("Your agency changed its single sign-on while you were signing in. Start again.");
            }
            URI answer = URI.create(publicAddress.link(CALLBACK)
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
            ProvenIdentity who = OpenIdConnect.finish(started.provider(), provider.clientId(), provider.clientSecret(),
                    started.attempt(), answer);
            if (started.linking().isPresent() && !started.linking().equals(current.find().map(Actor::userId))) {
                throw new RuleViolation("You signed out while linking your account. Sign in and start again.");
            }
            email = singleSignOn.signIn(started.agencyId(), who, started.linking(), now);
        } catch (RuleViolation | IllegalArgumentException refused) {
            LOG.info(() -> "Single sign-on refused: " + refused.getMessage());
            backTo(request, response, whereNext, refused instanceof RuleViolation ? refused.getMessage()
                    : "Herald could not read your identity provider's answer. Start again.");
            return;
        }
        if (started.linking().isPresent()) {
            backTo(request, response, whereNext, new Notice("Your account is linked: from now on you can sign in "
                    + "through your agency's identity provider.", false));
            return;
        }
        request.changeSessionId();
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new SingleSignOnCredential(email)).newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS) {
            response.sendRedirect(request.getContextPath() + SessionSignIn.landingAfterSignIn(request.getSession(false)));
        } else if (!response.isCommitted()) {
            backTo(request, response, "/login.xhtml", outcome.refusal() != null ? outcome.refusal()
                    : "Your account cannot sign in at the moment.");
        }
    }

    private static void backTo(HttpServletRequest request, HttpServletResponse response, String page, String refusal)
            throws IOException {
        backTo(request, response, page, new Notice(refusal, true));
    }

    private static void backTo(HttpServletRequest request, HttpServletResponse response, String page, Notice notice)
            throws IOException {
        request.getSession(true).setAttribute(NOTICE, notice);
        response.sendRedirect(request.getContextPath() + page);
    }

    /** Shows the sentence single sign-on left for the page being drawn, once. */
    static void showNotice() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(NOTICE) instanceof Notice notice) {
            session.removeAttribute(NOTICE);
            if (notice.refusal()) {
                Feedback.error(notice.text());
            } else {
                Feedback.info(notice.text());
            }
        }
    }

    /** What the person reads on the page they are sent back to. */
    record Notice(String text, boolean refusal) implements Serializable {
    }
}
