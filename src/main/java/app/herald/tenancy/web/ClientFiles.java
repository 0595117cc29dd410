package app.herald.tenancy.web;

import app.herald.identity.domain.Actor;
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
 * For servlets that answer for one client (its media, its reports, its inbox's mark): {@code ?client=ID} read from the
 * request and the signed-in person let into that client through the gate, and what they asked for answered only then.
 * Anything else (no sign-in, a malformed id, a client the person may not open) is simply "not found", so nobody
 * learns what exists elsewhere.
 */
@RequestScoped
public class ClientFiles {

    @Inject
    CurrentActor current;
    @Inject
    TenantGate gate;

    /** The id named {@code parameter}, once this request has entered the client named by {@code client}. */
    public Optional<Long> enter(HttpServletRequest request, String parameter) {
        Optional<Long> id = Pages.id(request.getParameter(parameter));
        return id.isEmpty() ? Optional.empty() : enter(request).map(person -> id.get());
    }

    /** The signed-in person, once this request has entered the client named by {@code client}. */
    public Optional<Actor> enter(HttpServletRequest request) {
        Optional<Long> client = Pages.id(request.getParameter("client"));
        Optional<Actor> person = current.find();
        if (client.isEmpty() || person.isEmpty()) {
            return Optional.empty();
        }
        try {
            gate.enter(person.get(), client.get());
            return person;
        } catch (AccessDenied | RuleViolation e) {
            return Optional.empty();
        }
    }
}
