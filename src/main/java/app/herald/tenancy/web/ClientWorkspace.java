package app.herald.tenancy.web;

import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.domain.AuditEntry;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** A client's workspace home (/client/home.xhtml?client=ID): who the client is, its local time, recent activity. */
@Named
@ViewScoped
public class ClientWorkspace implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClientAccess access;
    @Inject
    TenantAuditLog audit;

    private List<AuditEntry> activity;

    /** Recent activity is the audit log, which only the agency's owners and managers see. */
    public void open() {
        if (access.open() && access.enter().runs(access.getClient().agencyId())) {
            activity = audit.recent(20);
        }
    }

    public ClientAccess getAccess() {
        return access;
    }

    public List<AuditEntry> getActivity() {
        return activity;
    }
}
