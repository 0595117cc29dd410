package app.herald.tenancy.application;

import app.herald.identity.domain.Actor;
import app.herald.tenancy.domain.Tenant;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** The clients an actor may see, for lists and navigation. */
@Stateless
public class TenantDirectory {

    @Inject
    TenantRegistry registry;

    public List<Tenant> visibleTo(Actor actor) {
        if (actor.isClientUser()) {
            return actor.clientOf().flatMap(registry::find).stream().toList();
        }
        return actor.agencyId().map(registry::ofAgency).orElse(List.of()).stream()
                .filter(t -> actor.mayOpen(t.getId(), t.getAgencyId())).toList();
    }
}
