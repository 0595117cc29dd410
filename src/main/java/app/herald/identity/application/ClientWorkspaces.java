package app.herald.identity.application;

import app.herald.identity.domain.ClientWorkspace;
import java.util.Optional;

/**
 * The client workspaces identity needs to name and check (inviting a client user, signing one in). Tenancy keeps the
 * workspaces and provides this; identity sits below tenancy and never reads its tables.
 */
public interface ClientWorkspaces {

    Optional<ClientWorkspace> find(long tenantId);
}
