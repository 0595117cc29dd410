package app.herald.reporting.web;

import app.herald.reporting.application.Reports;
import app.herald.reporting.domain.Report;
import app.herald.tenancy.web.ClientFiles;
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
    ClientFiles files;
    @Inject
    Reports reports;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Long> id = files.enter(request, "report");
        Optional<Report> report = id.flatMap(reports::find);
        Optional<byte[]> file = id.flatMap(reports::file);
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
