package app.herald.identity.application;

import app.herald.identity.domain.Actor;
import app.herald.identity.domain.ClientWorkspace;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;

/** Whether a person with a correct password may sign in, given the state of their agency and client. */
@Stateless
public class SignInStanding {

    @Inject
    AgencyDirectory agencies;
    @Inject
    ClientWorkspaces tenants;

    public Optional<String> refusal(Actor actor) {
        if (actor.agencyId().isPresent() && !agencies.isActive(actor.agencyId().get())) {
            return Optional.of("Your agency's Herald account is suspended. Please contact the Herald operator.");
        }
        if (actor.isClientUser()) {
            boolean active = actor.clientOf().flatMap(tenants::find).map(ClientWorkspace::active).orElse(false);
            if (!active) {
                return Optional.of("Your client workspace has been deactivated. Please contact your agency.");
            }
        }
        return Optional.empty();
    }
}
