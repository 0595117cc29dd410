package app.herald.identity.web;

import app.herald.identity.application.SingleSignOn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * "Single sign-on" on the account page of a staff member whose agency has set it up: link the account to the
 * provider once (signed in with the password, so that nobody else's provider account can claim it), and see since
 * when it is linked.
 */
@Named
@RequestScoped
public class LinkSingleSignOn {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    @Inject
    CurrentActor current;
    @Inject
    SingleSignOn singleSignOn;

    private SingleSignOn.LinkStanding standing;

    /** A linking that just finished (or was refused) says so here. */
    public void showNotice() {
        SingleSignOnServlet.showNotice();
    }

    public boolean isOffered() {
        return standing().offered();
    }

    public boolean isLinked() {
        return standing().linked();
    }

    public String getLinkedSince() {
        return standing().linked() ? DAY.format(standing().linkedSince()) : "";
    }

    private SingleSignOn.LinkStanding standing() {
        if (standing == null) {
            standing = current.find().map(singleSignOn::linkStanding)
                    .orElse(new SingleSignOn.LinkStanding(false, null));
        }
        return standing;
    }
}
