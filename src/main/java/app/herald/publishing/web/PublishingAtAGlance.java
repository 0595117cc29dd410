package app.herald.publishing.web;

import app.herald.identity.domain.Actor;
import app.herald.identity.web.CurrentActor;
import app.herald.publishing.application.Publications;
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
 * The agency's list of clients shows, per client, how many publications need attention: read once per view, each
 * client in a request of its own (a request works in one tenant).
 */
@Named
@ViewScoped
public class PublishingAtAGlance implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentActor current;
    @Inject
    TenantDirectory directory;
    @Inject
    TenantWork work;
    @Inject
    Publications publications;

    private Map<Long, Long> attention;

    public long attentionOf(long tenantId) {
        if (attention == null) {
            attention = new HashMap<>();
            Actor actor = current.get();
            for (Tenant client : directory.visibleTo(actor)) {
                if (client.isActive()) {
                    attention.put(client.getId(), work.in(actor, client.getId(),
                            tenant -> publications.countNeedingAttention()));
                }
            }
        }
        return attention.getOrDefault(tenantId, 0L);
    }
}
