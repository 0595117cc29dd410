package app.herald.tenancy.application;

import app.herald.identity.application.ClientWorkspaces;
import app.herald.identity.domain.ClientWorkspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Tells identity about the tenant registry's client workspaces. */
@ApplicationScoped
public class TenantWorkspaces implements ClientWorkspaces {

    @Inject
    TenantRegistry registry;

    @Override
    public Optional<ClientWorkspace> find(long tenantId) {
        return registry.find(tenantId).map(t -> new ClientWorkspace(t.getId(), t.getAgencyId(), t.getName(),
                t.isActive()));
    }
}
