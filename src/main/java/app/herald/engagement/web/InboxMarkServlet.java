package app.herald.engagement.web;

import app.herald.engagement.application.Conversations;
import app.herald.engagement.application.InboxPolicy;
import app.herald.identity.domain.Actor;
import app.herald.tenancy.web.ClientFiles;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The inbox's mark as plain text, /inbox/mark?client=ID, for the open inbox to ask every second whether anything came
 * in (ADR 0023): a small request through the gate and two index reads, where a Faces poll would restore the whole
 * view. The page asks Faces to show the list again only when the mark moved. Not found for anyone who may not read the
 * client's inbox.
 */
@WebServlet("/inbox/mark")
@ServletSecurity(@HttpConstraint(rolesAllowed = {"MEMBER", "CLIENT"}))
public class InboxMarkServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    ClientFiles clients;
    @Inject
    InboxPolicy policy;
    @Inject
    Conversations conversations;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Actor> reader = clients.enter(request).filter(policy::mayRead);
        if (reader.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("text/plain");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(conversations.mark());
    }
}
