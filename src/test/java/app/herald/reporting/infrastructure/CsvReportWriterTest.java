package app.herald.reporting.infrastructure;

import static app.herald.reporting.infrastructure.ReportFixture.aReport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.reporting.domain.ReportContent;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvReportWriterTest {

    private final CsvReportWriter writer = new CsvReportWriter();

    @Test
    void writesTheDailyTableWithAHeader() throws IOException {
        try (CSVParser csv = parse(aReport().build())) {
            assertEquals(List.of("date", "impressions", "engagements", "clicks", "conversions", "followers", "inbound",
                    "answers"), csv.getHeaderNames());
            List<CSVRecord> rows = csv.getRecords();
            assertEquals(31, rows.size());
            assertEquals(List.of("2026-10-01", "1000", "50", "0", "0", "10000", "0", "0"), rows.get(0).toList());
            assertEquals(List.of("2026-10-31", "1300", "80", "30", "10", "10150", "2", "0"), rows.get(30).toList());
        }
    }

    @Test
    void notAvailableIsAnEmptyCellNotZero() throws IOException {
        try (CSVParser csv = parse(aReport().build())) {
            CSVRecord day = csv.getRecords().get(4);
            assertEquals(ReportFixture.DAY_WITHOUT_COUNTS.toString(), day.get("date"));
            assertEquals("", day.get("impressions"));
            assertEquals("54", day.get("engagements"));
            assertEquals("", day.get("followers"));
        }
    }

    @Test
    void isRfc4180WithCrlfAndNoGroupingOrQuotes() {
        String text = new String(writer.write(aReport().build(), null), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("date,impressions,engagements,clicks,conversions,followers,inbound,answers\r\n"));
        assertTrue(text.contains("\r\n2026-10-05,,54,4,1,,0,1\r\n"), text);
        assertTrue(!text.contains("\"") && !text.contains("'"), "numbers and dates need neither quotes nor guards");
    }

    @Test
    void anEmptyReportIsTheHeaderAlone() {
        String text = new String(writer.write(aReport().empty().build(), null), StandardCharsets.UTF_8);
        assertEquals("date,impressions,engagements,clicks,conversions,followers,inbound,answers\r\n", text);
    }

    @Test
    void reportsProgressUpToAHundredOnALongPeriod() {
        List<Integer> seen = new ArrayList<>();
        writer.write(aReport().withDaysUntil(java.time.LocalDate.of(2027, 9, 30)).build(), seen::add);
        assertEquals(0, seen.get(0));
        assertEquals(100, seen.get(seen.size() - 1));
        assertTrue(seen.size() > 3, seen.toString());
    }

    private CSVParser parse(ReportContent content) throws IOException {
        String text = new String(writer.write(content, null), StandardCharsets.UTF_8);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text));
    }
}
