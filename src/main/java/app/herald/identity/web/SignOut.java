package app.herald.identity.web;

import app.herald.identity.application.SignedInSessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;

/** Signs out, ends this browser's record among the person's sessions, and throws the session away. */
@Named
@RequestScoped
public class SignOut {

    @Inject
    SignedInSessions sessions;

    public String signOut() throws ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpSession session = ((HttpServletRequest) external.getRequest()).getSession(false);
        if (session != null && session.getAttribute(SessionSignIn.SESSION_KEY) instanceof String key) {
            sessions.end(key, Instant.now());
        }
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        return "/login.xhtml?faces-redirect=true";
    }
}
