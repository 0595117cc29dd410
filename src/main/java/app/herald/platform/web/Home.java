package app.herald.platform.web;

import app.herald.kernel.web.Pages;
import app.herald.identity.domain.Actor;
import app.herald.identity.web.CurrentActor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Where "Herald" leads: the first screen of the person's role. */
@Named
@RequestScoped
public class Home {

    @Inject
    CurrentActor current;

    public void route() {
        Actor actor = current.find().orElse(null);
        if (actor == null) {
            Pages.redirect("/login.xhtml");
        } else if (actor.isStaff()) {
            Pages.redirect("/agency/clients.xhtml");
        } else if (actor.isClientUser()) {
            Pages.redirect("/client/home.xhtml?client=" + actor.clientOf().orElseThrow());
        } else {
            Pages.redirect("/admin/agencies.xhtml");
        }
    }
}
