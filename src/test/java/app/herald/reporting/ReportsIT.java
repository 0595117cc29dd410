package app.herald.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.analytics.AnalyticsWorld;
import app.herald.analytics.domain.Basis;
import app.herald.analytics.domain.Period;
import app.herald.identity.application.Actors;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.reporting.application.Reports;
import app.herald.reporting.domain.Report;
import app.herald.testsupport.Demo;
import app.herald.testsupport.HeraldDeployment;
import app.herald.testsupport.InTenant;
import app.herald.testsupport.WebClient;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reports built by the real background queue hold the database's numbers: the PDF's text (read back with a PDF
 * library), the XLSX's number cells and the CSV's rows; and a client user cannot fetch another client's report.
 */
@ExtendWith(ArquillianExtension.class)
class ReportsIT {

    @Deployment
    static WebArchive deployment() {
        return HeraldDeployment.war(ReportsIT.class, AnalyticsWorld.class, WebClient.class);
    }

    @ArquillianResource
    URL base;
    @Inject
    AnalyticsWorld world;
    @Inject
    InTenant inTenant;
    @Inject
    Reports reports;
    @Inject
    Actors actors;

    @Test
    void thePdfXlsxAndCsvHoldTheFiguresOfTheDatabase() throws Exception {
        AnalyticsWorld.Published p = world.publishedSandboxPost("Harvest menu", null);
        world.ageSandboxPost(p, Duration.ofHours(48));
        world.measureNow(p);
        long impressions = world.awaitCheckpoints(p, 1);
        long engagements = world.performance(p, "engagements");
        assertTrue(impressions > 1000, "a number with a thousands separator: " + impressions);
        LocalDate today = LocalDate.now(world.zone(p));
        Period period = new Period(today, today, Basis.ACTIVITY);

        byte[] pdf = built(p, Report.Format.PDF, period);
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
        }
        String english = NumberFormat.getIntegerInstance(Locale.ENGLISH).format(impressions);
        assertTrue(text.toString().contains(english), "impressions " + english + " in:\n" + text);
        assertTrue(text.toString().contains(NumberFormat.getIntegerInstance(Locale.ENGLISH).format(engagements)),
                "engagements in the PDF");

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(built(p, Report.Format.XLSX, period)))) {
            Cell kpi = valueNextTo(workbook.getSheet("KPIs"), "Impressions", 3);
            assertEquals(CellType.NUMERIC, kpi.getCellType());
            assertEquals(impressions, (long) kpi.getNumericCellValue());
            Row day = rowStartingWithDate(workbook.getSheet("Daily"), today);
            assertEquals(CellType.NUMERIC, day.getCell(1).getCellType());
            assertEquals(impressions, (long) day.getCell(1).getNumericCellValue());
            assertEquals(engagements, (long) day.getCell(2).getNumericCellValue());
        }

        String csv = new String(built(p, Report.Format.CSV, period), StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertEquals(1, records.size(), csv);
        assertEquals(today.toString(), records.get(0).get("date"));
        assertEquals(impressions, Long.parseLong(records.get(0).get("impressions")));
        assertEquals(engagements, Long.parseLong(records.get(0).get("engagements")));
    }

    @Test
    void aClientUserCannotFetchAnotherClientsReport() {
        AnalyticsWorld.Published p = world.publishedSandboxPost("Numbers for us only", null);
        LocalDate today = LocalDate.now(world.zone(p));
        long reportId = inTenant.call(world.owner(), p.tenant(), () -> reports.request(world.owner(),
                Report.Format.CSV, new Period(today, today, Basis.ACTIVITY), null).getId());
        awaitReady(p, reportId);

        Actor acmeApprover = actors.byEmail(Demo.ACME_APPROVER).orElseThrow();
        assertThrows(AccessDenied.class, () -> inTenant.call(acmeApprover, p.tenant(), () -> reports.count()));
        WebClient acme = new WebClient(base);
        acme.signIn(Demo.ACME_APPROVER, Demo.PASSWORD);
        assertEquals(404, acme.get("report-file?client=" + p.tenant() + "&report=" + reportId).statusCode());
        WebClient owner = new WebClient(base);
        owner.signIn(Demo.NORTHWIND_OWNER, Demo.PASSWORD);
        assertEquals(200, owner.get("report-file?client=" + p.tenant() + "&report=" + reportId).statusCode());
        assertNotEquals(200, new WebClient(base).get("report-file?client=" + p.tenant() + "&report=" + reportId)
                .statusCode(), "nobody signed in gets no file");
    }

    private byte[] built(AnalyticsWorld.Published p, Report.Format format, Period period) {
        long id = inTenant.call(world.owner(), p.tenant(), () -> reports.request(world.owner(), format, period,
                "Notes for the client").getId());
        awaitReady(p, id);
        return inTenant.call(world.owner(), p.tenant(), () -> reports.file(id).orElseThrow());
    }

    private void awaitReady(AnalyticsWorld.Published p, long id) {
        Instant deadline = Instant.now().plusSeconds(60);
        Report report = find(p, id);
        while (!report.isFinished() && Instant.now().isBefore(deadline)) {
            sleep();
            report = find(p, id);
        }
        assertEquals(Report.State.READY, report.getState(), report.getProblem());
        assertEquals(100, report.getProgress());
    }

    private Report find(AnalyticsWorld.Published p, long id) {
        return inTenant.call(world.owner(), p.tenant(), () -> reports.find(id).orElseThrow());
    }

    private static Cell valueNextTo(Sheet sheet, String label, int column) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(label)) {
                return row.getCell(column);
            }
        }
        throw new AssertionError("No row " + label + " in " + sheet.getSheetName());
    }

    private static Row rowStartingWithDate(Sheet sheet, LocalDate day) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(first)
                    && first.getLocalDateTimeCellValue().toLocalDate().equals(day)) {
                return row;
            }
        }
        throw new AssertionError("No row for " + day + " in " + sheet.getSheetName());
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
