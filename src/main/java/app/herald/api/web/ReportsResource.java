package app.herald.api.web;

import app.herald.analytics.domain.Period;
import app.herald.identity.domain.Actor;
import app.herald.identity.domain.ApiScope;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.reporting.application.Reports;
import app.herald.reporting.domain.Report;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A client's reports: asked for (built in the background, as on the Reports screen), followed until ready, and
 * downloaded as the PDF, XLSX or CSV file the screen would give.
 */
@Path("clients/{client}/reports")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class ReportsResource {

    /** What to build: a format and a period of days in the client's zone. */
    @Schema(name = "ReportInput", description = "A report to build")
    public record ReportInput(@Schema(description = "PDF, XLSX or CSV") String format,
                              @Schema(type = SchemaType.STRING, format = "date") String from,
                              @Schema(type = SchemaType.STRING, format = "date") String to,
                              @Schema(description = "ACTIVITY (default) or LIFETIME") String basis, String notes) {
    }

    /** A report and how far its building has come; once READY, its file is at {@code .../file}. */
    @Schema(name = "ReportView", description = "A report of one client")
    public record ReportView(@Schema(type = SchemaType.INTEGER, format = "int64") long id, String format,
                             @Schema(type = SchemaType.STRING, format = "date") LocalDate from,
                             @Schema(type = SchemaType.STRING, format = "date") LocalDate to, String basis,
                             @Schema(description = "QUEUED, RUNNING, READY or FAILED") String state, int progress,
                             @Schema(type = SchemaType.STRING, format = "date-time") Instant requestedAt,
                             @Schema(type = SchemaType.STRING, format = "date-time") Instant finishedAt,
                             String fileName, String problem) {

        static ReportView of(Report r) {
            return new ReportView(r.getId(), r.getFormat().name(), r.getPeriodFrom(), r.getPeriodTo(), r.getBasis(),
                    r.getState().name(), r.getProgress(), r.getRequestedAt(), r.getFinishedAt(), r.getFileName(),
                    r.getProblem());
        }
    }

    /** The bytes of a finished report, as the OpenAPI document names them. */
    @Schema(name = "ReportFile", type = SchemaType.STRING, format = "binary", description = "A report's file")
    public static final class ReportFile {
        private ReportFile() {
        }
    }

    @Inject
    ApiRequest request;
    @Inject
    Reports reports;
    @Context
    UriInfo uri;

    @POST
    @NeedsScope(ApiScope.REPORTS_READ)
    @Operation(summary = "Asks for a report; it is built in the background: follow Location until its state is READY")
    @APIResponse(responseCode = "202", description = "The report, queued", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReportView.class)))
    @APIResponse(responseCode = "default", description = "A problem document (RFC 9457)", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = Problems.Problem.class)))
    public Response requestReport(@PathParam("client") long client, ReportInput input) {
        Actor actor = request.enter(client);
        if (input == null) {
            throw new RuleViolation("Send the report as JSON: {\"format\": \"PDF\", \"from\": \"2027-01-01\", "
                    + "\"to\": \"2027-01-31\"}.");
        }
        Period period = ApiPeriods.of(input.from(), input.to(), input.basis());
        Report report = reports.request(actor, format(input.format()), period, input.notes());
        return Response.accepted(ReportView.of(report)).location(uri.getAbsolutePathBuilder()
                .path(String.valueOf(report.getId())).build()).build();
    }

    @GET
    @Path("{report}")
    @NeedsScope(ApiScope.REPORTS_READ)
    @Operation(summary = "A report and its progress (0 to 100)")
    public ReportView report(@PathParam("client") long client, @PathParam("report") long report) {
        request.enter(client);
        return ReportView.of(found(report));
    }

    @GET
    @Path("{report}/file")
    @Produces({"application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv",
            "application/problem+json"})
    @NeedsScope(ApiScope.REPORTS_READ)
    @Operation(summary = "The finished report's file; 409 while it is being built")
    @APIResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = "application/pdf", schema = @Schema(implementation = ReportFile.class)),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @Schema(implementation = ReportFile.class)),
            @Content(mediaType = "text/csv", schema = @Schema(implementation = ReportFile.class))})
    @APIResponse(responseCode = "default", description = "A problem document (RFC 9457)", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = Problems.Problem.class)))
    public Response reportFile(@PathParam("client") long client, @PathParam("report") long report) {
        request.enter(client);
        Report found = found(report);
        if (found.getState() != Report.State.READY) {
            return Problems.of(409, "Conflict", found.getState() == Report.State.FAILED
                    ? "This report could not be built: " + found.getProblem() + " Ask for a new one."
                    : "This report is still being built (" + found.getProgress() + " %). Ask again in a moment.");
        }
        byte[] content = reports.file(report).orElseThrow(() -> new AccessDenied("No such report"));
        return Response.ok(content, found.getFormat().contentType())
                .header("Content-Disposition", "attachment; filename=\"" + found.getFileName() + "\"")
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "private, no-store").build();
    }

    private Report found(long report) {
        return reports.find(report).orElseThrow(() -> new AccessDenied("No such report"));
    }

    private static Report.Format format(String text) {
        try {
            return Report.Format.valueOf(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("The format is " + Arrays.stream(Report.Format.values()).map(Enum::name)
                    .collect(Collectors.joining(", ")) + ", not " + text + ".");
        }
    }
}
