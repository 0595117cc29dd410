package app.herald.identity.web;

import app.herald.identity.application.Actors;
import app.herald.identity.domain.Actor;
import app.herald.kernel.web.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** The signed-in person's own settings (/account.xhtml): an e-mail per post, or one daily digest. */
@Named
@ViewScoped
public class MySettings implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentActor current;
    @Inject
    Actors actors;

    private boolean dailyDigest;

    @PostConstruct
    void load() {
        dailyDigest = actors.prefersDailyDigest(current.get().userId());
    }

    public void save() {
        Actor actor = current.get();
        Feedback.attempt(() -> actors.preferDailyDigest(actor, dailyDigest), dailyDigest
                ? "You will get one digest each morning instead of an e-mail per post."
                : "You will get an e-mail for each post that waits for you.");
    }

    public boolean isDailyDigest() {
        return dailyDigest;
    }

    public void setDailyDigest(boolean dailyDigest) {
        this.dailyDigest = dailyDigest;
    }
}
