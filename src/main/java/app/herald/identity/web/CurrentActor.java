package app.herald.identity.web;

import app.herald.identity.application.Actors;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;

/** The signed-in person as an {@link Actor}, read fresh from the database once per request. */
@RequestScoped
public class CurrentActor {

    @Inject
    SecurityContext security;
    @Inject
    Actors actors;

    private Optional<Actor> actor;

    public Optional<Actor> find() {
        if (actor == null) {
            Principal principal = security.getCallerPrincipal();
            actor = principal == null ? Optional.empty() : actors.byEmail(principal.getName());
        }
        return actor;
    }

    public Actor get() {
        return find().orElseThrow(() -> new AccessDenied("Nobody with a role is signed in"));
    }
}
