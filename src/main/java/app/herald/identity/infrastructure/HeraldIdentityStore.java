package app.herald.identity.infrastructure;

import app.herald.identity.application.Actors;
import app.herald.identity.application.PasswordHashing;
import app.herald.identity.application.SignInOutcome;
import app.herald.identity.domain.Actor;
import app.herald.identity.domain.User;
import app.herald.identity.application.SignInStanding;
import app.herald.identity.application.SingleSignOn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;

/**
 * Checks e-mail and password against the platform's users and gives the person their groups: the role, MEMBER or
 * CLIENT, or PLATFORM_ADMIN. A correct password is still refused while the agency is suspended or the client
 * deactivated.
 */
@ApplicationScoped
public class HeraldIdentityStore implements IdentityStore {

    @Inject
    Actors actors;
    @Inject
    PasswordHashing hashing;
    @Inject
    SignInStanding standing;
    @Inject
    SignInOutcome outcome;
    @Inject
    SingleSignOn singleSignOn;

    private volatile String decoyHash;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        Optional<User> user = actors.userByEmail(credential.getCaller()).filter(User::canSignIn)
                .filter(User::hasPassword);
        if (user.isEmpty()) {
            // Spend the same time as a real check, so that response times do not tell which accounts exist.
            hashing.matches(credential.getPasswordAsString(), decoy());
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (!hashing.matches(credential.getPasswordAsString(), user.get().getPasswordHash())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        Optional<Actor> actor = actors.actorOf(user.get());
        if (actor.isEmpty()) {
            outcome.refuse("Your account is no longer part of an agency or client.");
            return CredentialValidationResult.INVALID_RESULT;
        }
        Optional<String> refusal = standing.refusal(actor.get()).or(() -> singleSignOn.passwordRefusal(actor.get()));
        if (refusal.isPresent()) {
            outcome.refuse(refusal.get());
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(user.get().getEmail(), actor.get().groups());
    }

    private String decoy() {
        if (decoyHash == null) {
            decoyHash = hashing.hash("decoy-password-that-matches-nothing");
        }
        return decoyHash;
    }
}
