package app.herald.tenancy.web;

import app.herald.identity.domain.Actor;
import app.herald.identity.web.CurrentActor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.web.Feedback;
import app.herald.kernel.web.Pages;
import app.herald.tenancy.application.TenantGate;
import app.herald.tenancy.domain.TenantRef;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The part every client-workspace screen shares: the client id from the address, entering it through the gate on
 * the first request and again on every postback (each request is bound anew), and showing times in its zone.
 */
@Dependent
public class ClientAccess implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    @Inject
    TenantGate gate;
    @Inject
    CurrentActor current;

    private String clientId;
    private TenantRef client;

    /** For the view action: false when the page answered "not found" or the client is unavailable (with a message). */
    public boolean open() {
        try {
            long id = Pages.id(clientId).orElseThrow(() -> new AccessDenied("No client id"));
            client = gate.enter(current.get(), id);
            return true;
        } catch (AccessDenied e) {
            Pages.notFound();
        } catch (RuleViolation e) {
            Feedback.error(e.getMessage());
        }
        return false;
    }

    /** For postbacks: binds this request to the client again, checking access again. */
    public Actor enter() {
        Actor actor = current.get();
        client = gate.enter(actor, client.id());
        return actor;
    }

    public String local(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(client.zone()));
    }

    public String now() {
        ZonedDateTime now = ZonedDateTime.now(client.zone());
        return WHEN.format(now) + " (" + now.getOffset().getId().replace("Z", "UTC") + ")";
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public TenantRef getClient() {
        return client;
    }

    /**
     * Whether the person writes here (composes, plans, uploads, connects channels), so that screens show only the
     * buttons the services would accept from them; the services check again.
     */
    public boolean isMayWrite() {
        return current.get().writesContent();
    }

    public boolean isOpen() {
        return client != null;
    }
}
