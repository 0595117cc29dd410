package app.herald.identity.web;

import app.herald.identity.application.SingleSignOn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

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

    private Optional<Optional<Instant>> standing;

    /** A linking that just finished (or was refused) says so here. */
    public void showNotice() {
        SingleSignOnServlet.showNotice();
    }

    public boolean isOffered() {
        return standing().isPresent();
    }

    public boolean isLinked() {
        return standing().flatMap(linked -> linked).isPresent();
    }

    public String getLinkedSince() {
        return standing().flatMap(linked -> linked).map(DAY::format).orElse("");
    }

    private Optional<Optional<Instant>> standing() {
        if (standing == null) {
            standing = current.find().flatMap(singleSignOn::linkStanding);
        }
        return standing;
    }
}
