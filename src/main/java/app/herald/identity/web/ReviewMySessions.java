package app.herald.identity.web;

import app.herald.identity.application.SignedInSessions;
import app.herald.kernel.web.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** "Your sessions" on the settings page: every browser signed in as this person, and signing the others out. */
@Named
@ViewScoped
public class ReviewMySessions implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);

    @Inject
    CurrentActor current;
    @Inject
    SignedInSessions sessions;

    private List<SignedInSessions.Seen> seen;

    @PostConstruct
    void load() {
        HttpSession session = session();
        seen = sessions.of(current.get(), key(session), Duration.ofSeconds(session.getMaxInactiveInterval()),
                Instant.now());
    }

    public void signOutOthers() {
        String key = key(session());
        int[] ended = new int[1];
        if (Feedback.attempt(() -> ended[0] = sessions.endOthers(current.get(), key, Instant.now()), null)) {
            Feedback.info(ended[0] == 0 ? "You were signed in nowhere else."
                    : "Signed out of " + ended[0] + (ended[0] == 1 ? " other browser." : " other browsers."));
            load();
        }
    }

    public String when(Instant at) {
        return WHEN.format(at);
    }

    public List<SignedInSessions.Seen> getSeen() {
        return seen;
    }

    private static HttpSession session() {
        return (HttpSession) FacesContext.getCurrentInstance().getExternalContext().getSession(true);
    }

    private static String key(HttpSession session) {
        return session.getAttribute(SessionSignIn.SESSION_KEY) instanceof String key ? key : null;
    }
}
