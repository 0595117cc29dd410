package app.herald.reporting.infrastructure;

import static app.herald.reporting.infrastructure.ReportFixture.aReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxReportWriterTest {

    private final XlsxReportWriter writer = new XlsxReportWriter();

    @Test
    void hasASheetPerDatasetAfterTheReportSheet() throws IOException {
        try (Workbook book = read(aReport().build())) {
            List<String> names = new ArrayList<>();
            book.forEach(sheet -> names.add(sheet.getSheetName()));
            assertEquals(List.of("Report", "KPIs", "Daily", "Top posts", "Campaigns", "Channels", "Conversations"),
                    names);
        }
    }

    @Test
    void reportSheetSaysWhoseReportItIsAndForWhen() throws IOException {
        try (Workbook book = read(aReport().withNotes("A strong month.").build())) {
            Sheet report = book.getSheet("Report");
            assertEquals("Client", report.getRow(0).getCell(0).getStringCellValue());
            assertEquals("Acme Coffee", report.getRow(0).getCell(1).getStringCellValue());
            assertEquals("Northwind Social", report.getRow(1).getCell(1).getStringCellValue());
            assertEquals("1 Oct 2026 \u2013 31 Oct 2026", report.getRow(2).getCell(1).getStringCellValue());
            assertDate(LocalDate.of(2026, 10, 1), report.getRow(3).getCell(1));
            assertEquals("Activity in the period", report.getRow(5).getCell(1).getStringCellValue());
            assertEquals(LocalDateTime.of(2026, 11, 1, 8, 15), report.getRow(7).getCell(1).getLocalDateTimeCellValue());
            assertEquals("A strong month.", report.getRow(8).getCell(1).getStringCellValue());
        }
    }

    @Test
    void kpisAreNumbersFormattedByUnitAndNotAvailableIsBlank() throws IOException {
        try (Workbook book = read(aReport().build())) {
            Sheet kpis = book.getSheet("KPIs");
            assertEquals(List.of("Measure", "Unit", "Currency", "Current", "Previous", "Change"), texts(kpis.getRow(0)));

            Row impressions = kpis.getRow(1);
            assertNumber(123_456, impressions.getCell(3));
            assertNumber(100_000, impressions.getCell(4));
            assertNumber(0.2346, impressions.getCell(5));
            assertEquals("#,##0", impressions.getCell(3).getCellStyle().getDataFormatString());

            Row rate = kpis.getRow(2);
            assertEquals("percent", rate.getCell(1).getStringCellValue());
            assertNumber(0.034, rate.getCell(3));
            assertEquals("0.0%", rate.getCell(3).getCellStyle().getDataFormatString());
            assertTrue(rate.getCell(5).getCellStyle().getDataFormatString().contains("%"));

            Row value = kpis.getRow(3);
            assertEquals("EUR", value.getCell(2).getStringCellValue());
            assertNumber(1234.5, value.getCell(3));
            assertEquals("#,##0.00", value.getCell(3).getCellStyle().getDataFormatString());
            assertBlank(value.getCell(4));
            assertBlank(value.getCell(5));

            assertBlank(kpis.getRow(4).getCell(3));
        }
    }

    @Test
    void dailyRowsHaveRealDatesAndNumbers() throws IOException {
        try (Workbook book = read(aReport().build())) {
            Sheet daily = book.getSheet("Daily");
            assertEquals(List.of("Date", "Impressions", "Engagements", "Clicks", "Conversions", "Followers", "Came in",
                    "Answers"),
                    texts(daily.getRow(0)));
            assertEquals(31, daily.getLastRowNum());
            Row first = daily.getRow(1);
            assertDate(LocalDate.of(2026, 10, 1), first.getCell(0));
            assertNumber(1000, first.getCell(1));
            assertNumber(50, first.getCell(2));
            assertNumber(0, first.getCell(3));
            assertNumber(10_000, first.getCell(5));
            Row withoutCounts = daily.getRow(5);
            assertDate(ReportFixture.DAY_WITHOUT_COUNTS, withoutCounts.getCell(0));
            assertBlank(withoutCounts.getCell(1));
            assertNumber(54, withoutCounts.getCell(2));
            assertBlank(withoutCounts.getCell(5));
        }
    }

    @Test
    void postsCampaignsAndChannelsKeepTheirTypes() throws IOException {
        try (Workbook book = read(aReport().withTopPosts(ReportFixture.post("=1+1 launch")).build())) {
            Row post = book.getSheet("Top posts").getRow(1);
            assertEquals(CellType.STRING, post.getCell(0).getCellType(), "a title is text, never a formula");
            assertEquals("=1+1 launch", post.getCell(0).getStringCellValue());
            assertEquals(LocalDateTime.of(2026, 10, 3, 14, 5), post.getCell(3).getLocalDateTimeCellValue());
            assertNumber(0.075, post.getCell(6));

            Row campaign = book.getSheet("Campaigns").getRow(1);
            assertEquals("EUR", campaign.getCell(1).getStringCellValue());
            assertNumber(500, campaign.getCell(2));
            assertNumber(1.5, campaign.getCell(6));
            assertEquals("0.0%", campaign.getCell(6).getCellStyle().getDataFormatString());
            assertBlank(book.getSheet("Campaigns").getRow(2).getCell(6));

            Sheet channels = book.getSheet("Channels");
            assertNumber(0.015, channels.getRow(1).getCell(4));
            assertBlank(channels.getRow(2).getCell(2));
        }
    }

    @Test
    void headersAreBoldAndFrozen() throws IOException {
        try (Workbook book = read(aReport().build())) {
            for (String name : List.of("KPIs", "Daily", "Top posts", "Campaigns", "Channels")) {
                Sheet sheet = book.getSheet(name);
                assertNotNull(sheet.getPaneInformation(), name);
                assertEquals(1, sheet.getPaneInformation().getHorizontalSplitTopRow(), name);
                int font = sheet.getRow(0).getCell(0).getCellStyle().getFontIndex();
                assertTrue(book.getFontAt(font).getBold(), name);
                assertTrue(sheet.getColumnWidth(0) > 256 * 9, name + " has sized columns");
            }
        }
    }

    @Test
    void theConversationsSheetHasTheInboxFiguresAsNumbersAndMinutes() throws IOException {
        try (Workbook book = read(aReport().build())) {
            Sheet sheet = book.getSheet("Conversations");
            assertEquals("Came in", sheet.getRow(0).getCell(0).getStringCellValue());
            assertNumber(154, sheet.getRow(0).getCell(1));
            assertNumber(0.8361, sheet.getRow(2).getCell(1));
            assertNumber(42, sheet.getRow(5).getCell(1));
            assertNumber(240, sheet.getRow(7).getCell(1));
            List<String> firstColumn = new ArrayList<>();
            sheet.forEach(row -> firstColumn.add(row.getCell(0) == null ? "" : row.getCell(0).getStringCellValue()));
            assertTrue(firstColumn.containsAll(List.of("Comment", "Instagram", "Dana Editor", "Max Manager")),
                    firstColumn.toString());
            Row max = sheet.getRow(firstColumn.indexOf("Max Manager"));
            assertBlank(max.getCell(3));
            Row daily = book.getSheet("Daily").getRow(31);
            assertNumber(2, daily.getCell(6));
            assertNumber(0, daily.getCell(7));
        }
    }

    @Test
    void withoutAnInboxThereIsNoConversationsSheet() throws IOException {
        try (Workbook book = read(aReport().withoutEngagement().build())) {
            assertEquals(null, book.getSheet("Conversations"));
        }
    }

    @Test
    void anEmptyReportHasHeadersOnly() throws IOException {
        try (Workbook book = read(aReport().empty().build())) {
            assertEquals(0, book.getSheet("Daily").getLastRowNum());
            assertEquals(0, book.getSheet("Top posts").getLastRowNum());
        }
    }

    @Test
    void reportsProgressUpToAHundred() {
        List<Integer> seen = new ArrayList<>();
        writer.write(aReport().build(), seen::add);
        assertEquals(0, seen.get(0));
        assertEquals(100, seen.get(seen.size() - 1));
    }

    private Workbook read(app.herald.reporting.domain.ReportContent content) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(writer.write(content, null)));
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }

    private static void assertNumber(double expected, Cell cell) {
        assertEquals(CellType.NUMERIC, cell.getCellType(), cell.getAddress().formatAsString());
        assertEquals(expected, cell.getNumericCellValue(), 1e-9, cell.getAddress().formatAsString());
    }

    private static void assertDate(LocalDate expected, Cell cell) {
        assertEquals(CellType.NUMERIC, cell.getCellType());
        assertTrue(DateUtil.isCellDateFormatted(cell), "date format on " + cell.getAddress().formatAsString());
        assertEquals(expected, cell.getLocalDateTimeCellValue().toLocalDate());
    }

    private static void assertBlank(Cell cell) {
        assertTrue(cell == null || cell.getCellType() == CellType.BLANK,
                () -> cell.getAddress().formatAsString() + " is " + cell.getCellType());
    }
}
