package app.herald.identity.web;

import app.herald.identity.application.PasswordResets;
import app.herald.kernel.web.Feedback;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** "Forgot your password?": always the same answer, whether or not the address has an account. */
@Named
@ViewScoped
public class ForgotPassword implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PasswordResets resets;

    private String email;
    private boolean sent;

    public void send() {
        sent = Feedback.attempt(() -> resets.request(email), "If " + email
                + " has a Herald account, a link to choose a new password is on its way. Check your inbox.");
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public boolean isSent() {
        return sent;
    }
}
