package app.herald.identity.web;

import app.herald.identity.application.LoginThrottle;
import app.herald.identity.application.SignInOutcome;
import app.herald.identity.application.TwoFactor;
import app.herald.kernel.web.Feedback;
import app.herald.kernel.web.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Optional;

/**
 * The second step of signing in (/sign-in-code.xhtml): the code from the authenticator app, or a recovery code.
 * Wrong codes count against the account and the address as wrong passwords do.
 */
@Named
@RequestScoped
public class ConfirmSignIn {

    @Inject
    SecurityContext security;
    @Inject
    LoginThrottle throttle;
    @Inject
    SignInOutcome outcome;

    private String code;

    /** Only a session that gave its password a moment ago has a code to give. */
    public void open() {
        Optional<PendingSignIn> pending = pending();
        if (pending.isEmpty() || pending.get().step() != TwoFactor.Step.CODE) {
            Pages.redirect("/login.xhtml");
        }
    }

    public void confirm() {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        Instant now = Instant.now();
        Optional<PendingSignIn> pending = pending();
        if (pending.isEmpty()) {
            Feedback.error("Your sign-in took too long. Sign in again with your password.");
            return;
        }
        String email = pending.get().email();
        Optional<String> refusal = throttle.refusal(email, request.getRemoteAddr(), now);
        if (refusal.isPresent()) {
            Feedback.error(refusal.get());
            return;
        }
        request.changeSessionId();
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new SecondFactorCredential(code == null ? "" : code)).newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS) {
            throttle.forgive(email);
            Pages.redirect(SessionSignIn.landingAfterSignIn(request.getSession(false)));
        } else if (outcome.refusal() != null) {
            Feedback.error(outcome.refusal());
        } else {
            throttle.recordFailure(email, request.getRemoteAddr(), now);
            Feedback.error("That code is not right, or it was used already. Type the newest code from your app, "
                    + "or one of your recovery codes.");
        }
    }

    private static Optional<PendingSignIn> pending() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        return SessionSignIn.pendingSignIn(request.getSession(false), Instant.now());
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
