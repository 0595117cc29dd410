package app.herald.identity.web;

import app.herald.identity.application.SignInOutcome;
import app.herald.identity.application.TwoFactor;
import app.herald.kernel.web.Feedback;
import app.herald.kernel.web.Pages;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Enrolment at sign-in (/two-factor-setup.xhtml), for staff of an agency that requires a second factor: scan, type
 * the first code, keep the recovery codes; that first code also completes the sign-in.
 */
@Named
@ViewScoped
public class SetUpTwoFactor implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TwoFactor twoFactor;
    @Inject
    SignInOutcome outcome;

    private String email;
    private Enrolling enrolling;
    private List<String> recoveryCodes = List.of();
    private String landing = "/index.xhtml";

    public void open() {
        if (enrolling != null) {
            return;
        }
        Optional<PendingSignIn> pending = SessionSignIn.pendingSignIn(request().getSession(false), Instant.now());
        if (pending.isEmpty() || pending.get().step() != TwoFactor.Step.ENROL) {
            Pages.redirect("/login.xhtml");
            return;
        }
        email = pending.get().email();
        enrolling = new Enrolling(twoFactor.beginAtSignIn(email));
    }

    public void confirm() {
        if (!Feedback.attempt(() -> recoveryCodes = twoFactor.confirm(email, enrolling.getCode(), Instant.now()), null)) {
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = request();
        request.changeSessionId();
        // Looked up here: a view-scoped bean lives in the session, where the security context must not go.
        SecurityContext security = CDI.current().select(SecurityContext.class).get();
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().credential(new SecondFactorCredential("")).newAuthentication(true));
        if (status == AuthenticationStatus.SUCCESS) {
            landing = SessionSignIn.landingAfterSignIn(request.getSession(false));
            Feedback.info("Two-factor sign-in is on, and you are signed in.");
        } else {
            recoveryCodes = List.of();
            Feedback.error(outcome.refusal() != null ? outcome.refusal()
                    : "Your sign-in took too long. Sign in again with your password.");
        }
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    public boolean isDone() {
        return !recoveryCodes.isEmpty();
    }

    public Enrolling getEnrolling() {
        return enrolling;
    }

    public List<String> getRecoveryCodes() {
        return recoveryCodes;
    }

    public String getLanding() {
        return landing;
    }
}
