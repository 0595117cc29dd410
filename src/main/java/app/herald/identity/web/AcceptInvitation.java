package app.herald.identity.web;

import app.herald.identity.application.Invitations;
import app.herald.identity.application.Invitations.Pending;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.web.Feedback;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** The page an invitation e-mail links to: the person names themselves and chooses a password. */
@Named
@ViewScoped
public class AcceptInvitation implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Invitations invitations;

    private String token;
    private Pending pending;
    private String name;
    @Inject
    ChosenPassword chosen;

    public void open() {
        try {
            pending = invitations.describe(token);
        } catch (RuleViolation e) {
            Feedback.error(e.getMessage());
        }
    }

    public String accept() {
        if (!chosen.isConfirmed()) {
            return null;
        }
        boolean done = Feedback.attempt(() -> invitations.accept(token, name, chosen.getPassword()),
                "Welcome to Herald! Sign in with " + pending.email() + " and your new password.");
        return done ? "/login.xhtml?faces-redirect=true" : null;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public Pending getPending() {
        return pending;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public ChosenPassword getChosen() {
        return chosen;
    }
}
