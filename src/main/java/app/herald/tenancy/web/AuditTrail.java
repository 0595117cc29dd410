package app.herald.tenancy.web;

import app.herald.identity.domain.Actor;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.paging.PageRequest;
import app.herald.kernel.web.Feedback;
import app.herald.kernel.web.LazyRows;
import app.herald.kernel.web.Pages;
import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.domain.AuditEntry;
import app.herald.tenancy.domain.AuditFilter;
import app.herald.tenancy.infrastructure.AuditCsv;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A client's audit log (/client/audit.xhtml?client=ID), for the agency's owners and managers: filter by period,
 * person and action; export what is shown as CSV.
 */
@Named
@ViewScoped
public class AuditTrail implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int EXPORTED = 100_000;

    @Inject
    ClientAccess access;
    @Inject
    TenantAuditLog log;

    private LocalDate from;
    private LocalDate until;
    private String actor;
    private String action;
    private final LazyRows<AuditEntry> entries = new LazyRows<>(this::countMatching, this::matching, AuditEntry::getId);
    private AuditFilter filter;
    private List<String> actions;

    public void open() {
        if (!access.open()) {
            return;
        }
        Actor me = access.enter();
        if (!me.runs(access.getClient().agencyId())) {
            Pages.notFound();
            return;
        }
        LocalDate today = LocalDate.now(access.getClient().zone());
        from = today.minusDays(30);
        until = today;
        actions = log.actions();
        search();
    }

    /** Shows the entries of the period, person and action chosen; a refused choice leaves the list as it was. */
    public void search() {
        Feedback.attempt(() -> {
            access.enter();
            filter = filter();
            LazyRows.firstPage(":entryList:entries");
        }, null);
    }

    private long countMatching() {
        access.enter();
        return filter == null ? 0 : log.count(filter);
    }

    private List<AuditEntry> matching(PageRequest request) {
        access.enter();
        return filter == null ? List.of() : log.page(filter, request);
    }

    public void export() throws IOException {
        access.enter();
        List<AuditEntry> all;
        try {
            all = log.export(filter(), EXPORTED);
        } catch (RuleViolation e) {
            Feedback.error(e.getMessage());
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("text/csv; charset=UTF-8");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"audit-" + from + "-" + until + ".csv\"");
        Writer out = new OutputStreamWriter(external.getResponseOutputStream(), StandardCharsets.UTF_8);
        AuditCsv.write(all, access.getClient().zone(), out);
        faces.responseComplete();
    }

    private AuditFilter filter() {
        ZoneId zone = access.getClient().zone();
        LocalDate start = from == null ? LocalDate.of(2000, 1, 1) : from;
        LocalDate end = until == null ? LocalDate.now(zone) : until;
        return new AuditFilter(start.atStartOfDay(zone).toInstant(), end.plusDays(1).atStartOfDay(zone).toInstant(),
                actor, action);
    }

    public ClientAccess getAccess() {
        return access;
    }

    public LazyRows<AuditEntry> getEntries() {
        return entries;
    }

    public List<String> getActions() {
        return actions;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getUntil() {
        return until;
    }

    public void setUntil(LocalDate until) {
        this.until = until;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }
}
