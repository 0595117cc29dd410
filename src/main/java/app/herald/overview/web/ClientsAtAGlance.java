package app.herald.overview.web;

import app.herald.identity.domain.Actor;
import app.herald.identity.web.CurrentActor;
import app.herald.overview.application.ClientOverviews;
import app.herald.overview.domain.Glance;
import app.herald.tenancy.application.TenantDirectory;
import app.herald.tenancy.application.TenantWork;
import app.herald.tenancy.domain.Tenant;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * The agency's list of clients shows each client at a glance: due this week, waiting for internal review and for the
 * client, publications that need attention, followers and their trend. Read once per view, each client in a
 * transaction of its own (a transaction works in one tenant).
 */
@Named
@ViewScoped
public class ClientsAtAGlance implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentActor current;
    @Inject
    TenantDirectory directory;
    @Inject
    TenantWork work;
    @Inject
    ClientOverviews overviews;

    private Map<Long, Glance> glances;

    /** The client's glance; null for a client that is not active (nothing of it is read). */
    public Glance of(long tenantId) {
        if (glances == null) {
            glances = new HashMap<>();
            Actor actor = current.get();
            for (Tenant client : directory.visibleTo(actor)) {
                if (client.isActive()) {
                    glances.put(client.getId(), work.in(actor, client.getId(), tenant -> overviews.glance(actor)));
                }
            }
        }
        return glances.get(tenantId);
    }
}
