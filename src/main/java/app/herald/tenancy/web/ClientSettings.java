package app.herald.tenancy.web;

import app.herald.identity.domain.Actor;
import app.herald.identity.web.CurrentActor;
import app.herald.kernel.web.Feedback;
import app.herald.kernel.web.Pages;
import app.herald.tenancy.application.TenantAdministration;
import app.herald.tenancy.application.TenantRegistry;
import app.herald.tenancy.domain.Tenant;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import org.primefaces.model.file.UploadedFile;

/** One client's settings (/agency/client.xhtml?client=ID): name, time zone, logo, deactivation and deletion. */
@Named
@ViewScoped
public class ClientSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TenantRegistry registry;
    @Inject
    TenantAdministration administration;
    @Inject
    CurrentActor current;

    private String clientId;
    private Tenant client;
    private String name;
    private String zone;
    private String confirmName;

    /** View action: the id comes from the address, so access is decided here, on the server, every time. */
    public void open() {
        Actor actor = current.get();
        client = Pages.id(clientId).flatMap(registry::find).filter(t -> actor.runs(t.getAgencyId())).orElse(null);
        if (client == null) {
            Pages.notFound();
            return;
        }
        name = client.getName();
        zone = client.getTimeZone();
    }

    public void save() {
        Actor actor = current.get();
        boolean renamed = name != null && !name.strip().equals(client.getName());
        boolean moved = zone != null && !zone.equals(client.getTimeZone());
        if (Feedback.attempt(() -> {
            if (renamed) {
                administration.rename(actor, client.getId(), name);
            }
            if (moved) {
                administration.moveToZone(actor, client.getId(), zone);
            }
        }, renamed || moved ? "Saved." : "Nothing to save.")) {
            reload();
        }
    }

    public void uploadLogo(org.primefaces.event.FileUploadEvent event) {
        UploadedFile file = event.getFile();
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = in.readNBytes(Tenant.MAX_LOGO_BYTES + 1);
        } catch (IOException e) {
            Feedback.error("The upload could not be read; please try again.");
            return;
        }
        Feedback.attempt(() -> administration.changeLogo(current.get(), client.getId(), content), "Logo updated.");
        reload();
    }

    public void deactivate() {
        Feedback.attempt(() -> administration.deactivate(current.get(), client.getId()),
                client.getName() + " is deactivated: its users can no longer sign in. Nothing was deleted.");
        reload();
    }

    public void reactivate() {
        Feedback.attempt(() -> administration.reactivate(current.get(), client.getId()), client.getName() + " is active again.");
        reload();
    }

    public void delete() {
        String deleted = client.getName();
        if (Feedback.attempt(() -> administration.delete(current.get(), client.getId(), confirmName),
                "\"" + deleted + "\" and all its data were deleted.")) {
            Pages.redirect("/agency/clients.xhtml");
        }
    }

    public boolean isMayDelete() {
        return current.get().mayDeleteClientsOf(client.getAgencyId());
    }

    private void reload() {
        client = registry.find(client.getId()).orElse(client);
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public Tenant getClient() {
        return client;
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

    public String getConfirmName() {
        return confirmName;
    }

    public void setConfirmName(String confirmName) {
        this.confirmName = confirmName;
    }
}
