package app.herald.tenancy.web;

import app.herald.identity.domain.Actor;
import app.herald.identity.web.CurrentActor;
import app.herald.kernel.web.Feedback;
import app.herald.tenancy.application.TenantDirectory;
import app.herald.tenancy.application.TenantProvisioning;
import app.herald.tenancy.domain.Tenant;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The agency's clients at a glance, and creating a new one (each gets its own database schema). */
@Named
@ViewScoped
public class ManageClients implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TenantDirectory directory;
    @Inject
    TenantProvisioning provisioning;
    @Inject
    CurrentActor current;

    private List<Tenant> clients;
    private String name;
    private String zone = "Europe/Berlin";

    @PostConstruct
    void load() {
        clients = directory.visibleTo(current.get());
    }

    public void create() {
        Actor actor = current.get();
        if (Feedback.attempt(() -> provisioning.create(actor, actor.agencyId().orElseThrow(), name, zone),
                "Client \"" + (name == null ? "" : name.strip()) + "\" created.")) {
            name = null;
            load();
        }
    }

    public boolean isMayManage() {
        Actor actor = current.get();
        return actor.agencyId().map(actor::runs).orElse(false);
    }

    public List<Tenant> getClients() {
        return clients;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }
}
