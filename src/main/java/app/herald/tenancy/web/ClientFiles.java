package app.herald.tenancy.web;

import app.herald.identity.web.CurrentActor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.web.Pages;
import app.herald.tenancy.application.TenantGate;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * For servlets that hand out a client's files (media, reports): {@code ?client=ID&<name>=ID} read from the request,
 * the signed-in person let into that client through the gate, and the file's id answered only then. Anything else
 * (no sign-in, a malformed id, a client the person may not open) is simply "not found", so nobody learns which files
 * exist elsewhere.
 */
@RequestScoped
public class ClientFiles {

    @Inject
    CurrentActor current;
    @Inject
    TenantGate gate;

    /** The id named {@code parameter}, once this request has entered the client named by {@code client}. */
    public Optional<Long> enter(HttpServletRequest request, String parameter) {
        Optional<Long> client = Pages.id(request.getParameter("client"));
        Optional<Long> id = Pages.id(request.getParameter(parameter));
        if (client.isEmpty() || id.isEmpty() || current.find().isEmpty()) {
            return Optional.empty();
        }
        try {
            gate.enter(current.find().get(), client.get());
            return id;
        } catch (AccessDenied | RuleViolation e) {
            return Optional.empty();
        }
    }
}
