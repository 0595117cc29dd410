package app.herald.identity.application;

import jakarta.enterprise.context.RequestScoped;

/**
 * Why the identity store refused a correct password (suspended agency, deactivated client), carried within the
 * request to the sign-in screen so that it can tell the person instead of a vague "invalid".
 */
@RequestScoped
public class SignInOutcome {

    private String refusal;

    public void refuse(String reason) {
        this.refusal = reason;
    }

    public String refusal() {
        return refusal;
    }
}
