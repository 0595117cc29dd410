package app.herald.reporting.web;

import app.herald.identity.domain.Actor;
import app.herald.identity.web.CurrentActor;
import app.herald.reporting.application.Branding;
import app.herald.reporting.domain.AgencyBrand;
import app.herald.kernel.web.Feedback;
import app.herald.kernel.web.Pages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Base64;
import org.primefaces.event.FileUploadEvent;

/**
 * The agency's branding (/agency/branding.xhtml), for its owners and managers: the colours and logo of the reports
 * it sends its clients. A logo is checked (a real PNG, at most 512 KB) before anything is stored.
 */
@Named
@ViewScoped
public class ChangeBranding implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentActor current;
    @Inject
    Branding agencies;

    private String primary;
    private String accent;
    private String logoPreview;

    public void open() {
        Actor actor = current.get();
        if (actor.agencyId().isEmpty() || !actor.runs(actor.agencyId().get())) {
            Pages.forbidden();
            return;
        }
        load(actor);
    }

    private void load(Actor actor) {
        AgencyBrand brand = agencies.brandOf(actor.agencyId().orElseThrow());
        primary = brand.getPrimary();
        accent = brand.getAccent();
        byte[] logo = brand.getLogoPng();
        logoPreview = logo == null ? null : "data:image/png;base64," + Base64.getEncoder().encodeToString(logo);
    }

    public void save() {
        Actor actor = current.get();
        if (Feedback.attempt(() -> agencies.brand(actor, actor.agencyId().orElseThrow(), primary, accent, null),
                "Saved. New reports use these colours.")) {
            load(actor);
        }
    }

    public void upload(FileUploadEvent event) {
        Actor actor = current.get();
        byte[] logo;
        try (InputStream in = event.getFile().getInputStream()) {
            logo = in.readNBytes(Branding.MAX_LOGO_BYTES + 1);
        } catch (IOException e) {
            Feedback.error("The logo could not be read. Nothing was changed.");
            return;
        }
        if (Feedback.attempt(() -> agencies.brand(actor, actor.agencyId().orElseThrow(), primary, accent, logo),
                "Logo saved.")) {
            load(actor);
        }
    }

    public void removeLogo() {
        Actor actor = current.get();
        if (Feedback.attempt(() -> agencies.removeLogo(actor, actor.agencyId().orElseThrow()), "Logo removed.")) {
            load(actor);
        }
    }

    public String getPrimary() {
        return primary;
    }

    public void setPrimary(String primary) {
        this.primary = primary;
    }

    public String getAccent() {
        return accent;
    }

    public void setAccent(String accent) {
        this.accent = accent;
    }

    public String getLogoPreview() {
        return logoPreview;
    }

}
