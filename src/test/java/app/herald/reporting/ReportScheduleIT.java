package app.herald.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.identity.application.Actors;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.reporting.application.ReportSchedules;
import app.herald.reporting.application.Reports;
import app.herald.reporting.domain.Report;
import app.herald.reporting.domain.ReportSchedule;
import app.herald.tenancy.application.TenantRegistry;
import app.herald.tenancy.domain.Tenant;
import app.herald.testsupport.Demo;
import app.herald.testsupport.HeraldDeployment;
import app.herald.testsupport.InTenant;
import app.herald.testsupport.MailForTests;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A weekly report schedule on the real server: only the agency's writers schedule, only to the client's own users;
 * its run builds the report into the history and mails it, as an attached PDF, to Acme's approver (read by the test
 * side from the SMTP server the suite runs).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportScheduleIT {

    @Deployment
    static WebArchive deployment() {
        return HeraldDeployment.war(ReportScheduleIT.class);
    }

    @Inject
    InTenant inTenant;
    @Inject
    Actors actors;
    @Inject
    TenantRegistry registry;
    @Inject
    ReportSchedules schedules;
    @Inject
    Reports reports;
    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;

    @Test
    @Order(1)
    void aScheduleRunsAtItsTimeAndKeepsItsReport() throws Exception {
        Actor owner = actors.byEmail(Demo.NORTHWIND_OWNER).orElseThrow();
        Actor analyst = actors.byEmail(Demo.NORTHWIND_ANALYST).orElseThrow();
        long acme = registry.all().stream().filter(t -> t.getName().equals(Demo.ACME)).map(Tenant::getId)
                .findFirst().orElseThrow();

        assertThrows(RuleViolation.class, () -> inTenant.call(owner, acme, () -> schedules.create(owner,
                ReportSchedule.Cadence.WEEKLY, Report.Format.PDF, List.of(Demo.GLOBEX_APPROVER), null)),
                "another client's user never receives Acme's numbers");
        assertThrows(AccessDenied.class, () -> inTenant.call(analyst, acme, () -> schedules.create(analyst,
                ReportSchedule.Cadence.WEEKLY, Report.Format.PDF, List.of(Demo.ACME_APPROVER), null)));

        ReportSchedule schedule = inTenant.call(owner, acme, () -> schedules.create(owner,
                ReportSchedule.Cadence.WEEKLY, Report.Format.PDF, List.of(Demo.ACME_APPROVER), "Have a good week"));
        Instant firstRun = schedule.getNextRunAt();
        assertTrue(firstRun.isAfter(Instant.now()), "the first run is next Monday");
        try (Connection c = dataSource.getConnection(); PreparedStatement due = c.prepareStatement(
                "UPDATE job SET due_at = ? WHERE queue = 'reports' AND tenant_id = ? AND kind = 'SCHEDULE' AND subject_id = ?")) {
            due.setLong(1, System.currentTimeMillis());
            due.setLong(2, acme);
            due.setLong(3, schedule.getId());
            assertEquals(1, due.executeUpdate());
        }
        Instant deadline = Instant.now().plusSeconds(60);
        Report report = null;
        while (Instant.now().isBefore(deadline) && (report == null || !report.isFinished())) {
            Thread.sleep(250);
            report = inTenant.call(owner, acme, () -> reports.page(app.herald.kernel.paging.PageRequest.firstRows(20)).stream()
                    .filter(r -> schedule.getId().equals(r.getScheduleId())).findFirst().orElse(null));
        }
        assertNotNull(report, "the run kept its report in the history");
        assertEquals(Report.State.READY, report.getState(), report.getProblem());
        ReportSchedule moved = inTenant.call(owner, acme, () -> schedules.find(schedule.getId()).orElseThrow());
        assertTrue(moved.getNextRunAt().isAfter(Instant.now()), "the schedule moved on to its next run");
    }

    @Test
    @Order(2)
    @RunAsClient
    void theClientsUserReceivesThePdf() throws Exception {
        MimeMessage mail = MailForTests.awaitMessage(Demo.ACME_APPROVER, Demo.ACME + ": your report for");
        Multipart parts = (Multipart) mail.getContent();
        BodyPart pdf = null;
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).getFileName() != null) {
                pdf = parts.getBodyPart(i);
            }
        }
        assertNotNull(pdf, "a file is attached");
        assertTrue(pdf.getFileName().endsWith(".pdf"), pdf.getFileName());
        assertTrue(pdf.getContentType().startsWith("application/pdf"), pdf.getContentType());
        try (InputStream in = pdf.getInputStream()) {
            assertEquals("%PDF", new String(in.readNBytes(4), java.nio.charset.StandardCharsets.US_ASCII));
        }
    }
}
