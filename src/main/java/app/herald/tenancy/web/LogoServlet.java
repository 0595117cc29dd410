package app.herald.tenancy.web;

import app.herald.identity.domain.Actor;
import app.herald.identity.web.CurrentActor;
import app.herald.kernel.web.Pages;
import app.herald.tenancy.application.TenantRegistry;
import app.herald.tenancy.domain.Logo;
import app.herald.tenancy.domain.Tenant;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/** Serves a client's logo to the people who may open that client, and to nobody else. */
@WebServlet("/logo")
@ServletSecurity(@HttpConstraint(rolesAllowed = {"MEMBER", "CLIENT"}))
public class LogoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    TenantRegistry registry;
    @Inject
    CurrentActor current;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Actor> actor = current.find();
        Optional<Logo> logo = Pages.id(request.getParameter("client")).flatMap(registry::find)
                .filter(t -> actor.map(a -> a.mayOpen(t.getId(), t.getAgencyId())).orElse(false))
                .map(Tenant::getLogo);
        if (logo.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(logo.get().contentType());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "private, max-age=300");
        response.getOutputStream().write(logo.get().bytes());
    }
}
