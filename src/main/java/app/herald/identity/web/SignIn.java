package app.herald.identity.web;

import app.herald.identity.application.LoginThrottle;
import app.herald.identity.application.SignInOutcome;
import app.herald.kernel.web.Feedback;
import app.herald.kernel.web.Pages;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Optional;

/**
 * The sign-in screen: throttled per account and per address, with a new session id for every sign-in. Request-scoped:
 * the form keeps nothing between requests, and the SecurityContext it uses must not go into the replicated session.
 */
@Named
@RequestScoped
public class SignIn {

    @Inject
    SecurityContext security;
    @Inject
    LoginThrottle throttle;
    @Inject
    SignInOutcome outcome;

    private String email;
    private String password;

    public void signIn() {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        String address = request.getRemoteAddr();
        Instant now = Instant.now();
        Optional<String> refusal = throttle.refusal(email, address, now);
        if (refusal.isPresent()) {
            Feedback.error(refusal.get());
            return;
        }
        if (request.getSession(false) != null) {
            // A session id that someone else may have planted never becomes a signed-in session.
            request.changeSessionId();
        }
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(email, new Password(password == null ? "" : password)))
                .newAuthentication(true));
        switch (status) {
            case SEND_CONTINUE -> {
                // On to the second factor: failures are forgiven only once that is given too, or a code-guesser
                // who knows the password would start afresh with each password.
                faces.responseComplete();
            }
            case SUCCESS -> {
                throttle.forgive(email);
                Pages.redirect(SessionSignIn.landingAfterSignIn(request.getSession(false)));
            }
            default -> {
                if (outcome.refusal() != null) {
                    Feedback.error(outcome.refusal());
                } else {
                    throttle.recordFailure(email, address, now);
                    Feedback.error("The e-mail address or the password is not correct.");
                }
            }
        }
    }

    /** What single sign-on left to say when it sent the person back here (a refusal, in words). */
    public void showSignOnNotice() {
        SingleSignOnServlet.showNotice();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
