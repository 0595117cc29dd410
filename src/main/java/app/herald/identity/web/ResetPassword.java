package app.herald.identity.web;

import app.herald.identity.application.PasswordResets;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.web.Feedback;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** The page a reset e-mail links to: choose a new password, once. */
@Named
@ViewScoped
public class ResetPassword implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PasswordResets resets;

    private String token;
    private String email;
    @Inject
    ChosenPassword chosen;

    public void open() {
        try {
            email = resets.emailFor(token);
        } catch (RuleViolation e) {
            Feedback.error(e.getMessage());
        }
    }

    public String reset() {
        if (!chosen.isConfirmed()) {
            return null;
        }
        boolean done = Feedback.attempt(() -> resets.reset(token, chosen.getPassword()),
                "Your password was changed. Sign in with it now.");
        return done ? "/login.xhtml?faces-redirect=true" : null;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getEmail() {
        return email;
    }

    public ChosenPassword getChosen() {
        return chosen;
    }
}
