package app.herald.reporting.web;

import app.herald.identity.domain.Actor;
import app.herald.identity.web.CurrentActor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.platform.web.Pages;
import app.herald.reporting.application.Reports;
import app.herald.reporting.domain.Report;
import app.herald.tenancy.application.TenantGate;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Downloads a finished report: /report-file?client=ID&amp;report=ID, for the people who may open that client. A report
 * of another client, or one not finished, is "not found": the answer does not tell which reports exist elsewhere.
 */
@WebServlet("/report-file")
@ServletSecurity(@HttpConstraint(rolesAllowed = {"MEMBER", "CLIENT"}))
public class ReportFileServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentActor current;
    @Inject
    TenantGate gate;
    @Inject
    Reports reports;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Long> client = Pages.id(request.getParameter("client"));
        Optional<Long> id = Pages.id(request.getParameter("report"));
        Optional<Actor> actor = current.find();
        if (client.isEmpty() || id.isEmpty() || actor.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<Report> report;
        Optional<byte[]> file;
        try {
            gate.enter(actor.get(), client.get());
            report = reports.find(id.get());
            file = reports.file(id.get());
        } catch (AccessDenied | RuleViolation e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (report.isEmpty() || file.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(report.get().getFormat().contentType());
        response.setContentLength(file.get().length);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + report.get().getFileName() + "\"");
        response.getOutputStream().write(file.get());
    }
}
