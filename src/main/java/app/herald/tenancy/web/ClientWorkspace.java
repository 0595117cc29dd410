package app.herald.tenancy.web;

import app.herald.identity.web.CurrentActor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.platform.web.Feedback;
import app.herald.platform.web.Pages;
import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.application.TenantGate;
import app.herald.tenancy.domain.AuditEntry;
import app.herald.tenancy.domain.TenantRef;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** A client's workspace home (/client/home.xhtml?client=ID): who the client is, its local time, recent activity. */
@Named
@ViewScoped
public class ClientWorkspace implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    @Inject
    TenantGate gate;
    @Inject
    TenantAuditLog audit;
    @Inject
    CurrentActor current;

    private String clientId;
    private TenantRef client;
    private List<AuditEntry> activity;
    private boolean unavailable;

    /** View action: enters the tenant through the gate, or answers "not found". */
    public void open() {
        try {
            long id = Pages.id(clientId).orElseThrow(() -> new AccessDenied("No client id"));
            client = gate.enter(current.get(), id);
            activity = audit.recent(20);
        } catch (AccessDenied e) {
            Pages.notFound();
        } catch (RuleViolation e) {
            unavailable = true;
            Feedback.error(e.getMessage());
        }
    }

    public String local(Instant instant) {
        return WHEN.format(instant.atZone(client.zone()));
    }

    public String getNow() {
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

    public List<AuditEntry> getActivity() {
        return activity;
    }

    public boolean isUnavailable() {
        return unavailable;
    }
}
