package app.herald.identity.application;

import app.herald.identity.domain.OneTimeToken.Purpose;
import app.herald.identity.domain.User;
import app.herald.mail.application.Mail;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** "Forgot your password?": a one-time link by e-mail, and setting a new password with it. */
@Stateless
public class PasswordResets {

    public static final String RESET_PAGE = "/reset-password.xhtml";
    private static final Logger LOG = Logger.getLogger(PasswordResets.class.getName());

    @Inject
    Actors actors;
    @Inject
    OneTimeLinks links;
    @Inject
    Mail mailer;
    @Inject
    PasswordHashing hashing;
    @Inject
    LoginThrottle throttle;
    @Inject
    SignedInSessions sessions;
    @Inject
    @ConfigProperty(name = "herald.password-reset.valid-minutes")
    int validMinutes;

    /**
     * Sends a reset link if the address belongs to an active account. The caller tells the person the same thing
     * either way, so that the form does not reveal who has an account.
     */
    public void request(String email) {
        actors.userByEmail(email).filter(User::canSignIn).ifPresentOrElse(user -> {
            String link = links.issue(user, Purpose.PASSWORD_RESET, Duration.ofMinutes(validMinutes), RESET_PAGE);
            mailer.send(user.getEmail(), "Reset your Herald password",
                    "Someone (hopefully you) asked to reset the password of " + user.getEmail() + " on Herald.\n\n"
                            + "Choose a new password here:\n" + link + "\n\n"
                            + "The link works once and expires in " + validMinutes + " minutes. "
                            + "If you did not ask for it, ignore this e-mail: your password stays as it is.\n");
        }, () -> LOG.info("Password reset asked for an address without an active account"));
    }

    public String emailFor(String secret) {
        return links.peek(secret, Purpose.PASSWORD_RESET).getEmail();
    }

    public void reset(String secret, String newPassword) {
        User user = links.peek(secret, Purpose.PASSWORD_RESET);
        User.checkPasswordStrength(newPassword, user.getEmail());
        links.redeem(secret, Purpose.PASSWORD_RESET);
        user.changePassword(hashing.hash(newPassword));
        sessions.endAll(user.getId(), Instant.now());
        if (!user.hasTwoFactor()) {
            // With a second factor, failed codes stay counted: a reset must not buy a code-guesser new attempts.
            throttle.forgive(user.getEmail());
        }
    }
}
