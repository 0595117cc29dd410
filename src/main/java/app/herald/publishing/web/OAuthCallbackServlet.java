package app.herald.publishing.web;

import app.herald.identity.domain.Actor;
import app.herald.identity.web.CurrentActor;
import app.herald.kernel.Secrets;
import app.herald.publishing.application.OAuthConnections;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;

/**
 * Where a network sends the browser back after its consent screen: /oauth/callback?state=..&code=.. (or &error=..).
 * Signed-in members only (web.xml); the state decides which tenant and channel, checked again by the service. The
 * outcome waits in the session under a random key that the connect page shows once: the address carries no text,
 * so nobody can make Herald display words of their choosing.
 */
@WebServlet(OAuthConnections.CALLBACK)
public class OAuthCallbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String SESSION_PREFIX = "herald.oauth-outcome.";

    @Inject
    CurrentActor current;
    @Inject
    OAuthConnections oauth;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The address holds the code: keep it out of caches and out of the Referer of the next page.
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        Optional<Actor> actor = current.find();
        if (actor.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        OAuthConnections.Outcome outcome = oauth.complete(request.getParameter("state"), request.getParameter("code"),
                request.getParameter("error"), actor.get());
        if (!outcome.hasChannel()) {
            refused(response, outcome.message(), request.getContextPath());
            return;
        }
        String key = Secrets.newSecret();
        request.getSession().setAttribute(SESSION_PREFIX + key, outcome);
        response.sendRedirect(request.getContextPath() + "/client/connect.xhtml?client=" + outcome.tenantId()
                + "&channel=" + outcome.channelId() + "&oauth=" + key);
    }

    /** The outcome kept for the connect page under the key in its address, handed out once; else empty. */
    static Optional<OAuthConnections.Outcome> takeOutcome(Map<String, Object> session, String key) {
        if (session == null || !Secrets.looksLikeSecret(key)) {
            return Optional.empty();
        }
        Object kept = session.remove(SESSION_PREFIX + key);
        return kept instanceof OAuthConnections.Outcome outcome ? Optional.of(outcome) : Optional.empty();
    }

    /** A state that names no channel of the person's: there is no page of theirs to go back to. */
    private static void refused(HttpServletResponse response, String message, String contextPath) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'");
        try (PrintWriter out = response.getWriter()) {
            out.print("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Sign-in not completed"
                    + "</title></head><body><h1>Sign-in not completed</h1><p id=\"reason\">" + escape(message)
                    + "</p><p><a href=\"" + escape(contextPath + "/index.xhtml") + "\">Back to Herald</a></p></body></html>");
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
