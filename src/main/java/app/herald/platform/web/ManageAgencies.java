package app.herald.platform.web;

import app.herald.kernel.web.Feedback;
import app.herald.identity.web.CurrentActor;
import app.herald.platform.application.Agencies;
import app.herald.identity.domain.Agency;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The platform admin's list of agencies: create one with its first owner, suspend, reactivate. */
@Named
@ViewScoped
public class ManageAgencies implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Agencies agencies;
    @Inject
    CurrentActor current;

    private List<Agency> list;
    private String name;
    private String ownerEmail;

    @PostConstruct
    void load() {
        list = agencies.all(current.get());
    }

    public void create() {
        if (Feedback.attempt(() -> agencies.create(current.get(), name, ownerEmail),
                "Agency \"" + name + "\" created; " + ownerEmail + " was invited as its owner.")) {
            name = null;
            ownerEmail = null;
            load();
        }
    }

    public void suspend(Agency agency) {
        Feedback.attempt(() -> agencies.suspend(current.get(), agency.getId()),
                agency.getName() + " is suspended: its people can no longer sign in.");
        load();
    }

    public void reactivate(Agency agency) {
        Feedback.attempt(() -> agencies.reactivate(current.get(), agency.getId()), agency.getName() + " is active again.");
        load();
    }

    public List<Agency> getList() {
        return list;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getOwnerEmail() {
        return ownerEmail;
    }

    public void setOwnerEmail(String ownerEmail) {
        this.ownerEmail = ownerEmail;
    }
}
