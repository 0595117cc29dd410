package app.herald.identity.web;

import app.herald.identity.application.PasswordResets;
import app.herald.kernel.RuleViolation;
import app.herald.platform.web.Feedback;
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
    private String password;
    private String repeated;

    public void open() {
        try {
            email = resets.emailFor(token);
        } catch (RuleViolation e) {
            Feedback.error(e.getMessage());
        }
    }

    public String reset() {
        if (password == null || !password.equals(repeated)) {
            Feedback.error("The two passwords differ.");
            return null;
        }
        boolean done = Feedback.attempt(() -> resets.reset(token, password),
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

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getRepeated() {
        return repeated;
    }

    public void setRepeated(String repeated) {
        this.repeated = repeated;
    }
}
