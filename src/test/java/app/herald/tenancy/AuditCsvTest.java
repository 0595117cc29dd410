package app.herald.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.herald.tenancy.domain.AuditEntry;
import app.herald.tenancy.infrastructure.AuditCsv;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

    @Test
    void writesLocalAndUtcTimesAndDefusesFormulas() throws Exception {
        AuditEntry entry = new AuditEntry(Instant.parse("2026-10-25T00:30:00Z"), "=HYPERLINK(\"http://evil\")",
                "POST_REJECTED", "post 7", "Comma, \"quotes\" and\nnew line");
        StringWriter out = new StringWriter();
        AuditCsv.write(List.of(entry), ZoneId.of("Europe/Berlin"), out);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString())).getRecords();
        assertEquals(1, records.size());
        CSVRecord row = records.get(0);
        assertEquals("2026-10-25 02:30:00 +02:00", row.get("time (local)"), "the first 02:30 of the night, in CEST");
        assertEquals("2026-10-25T00:30:00Z", row.get("time (UTC)"));
        assertEquals("'=HYPERLINK(\"http://evil\")", row.get("who"), "a formula is written as text");
        assertEquals("Comma, \"quotes\" and\nnew line", row.get("details"), "survives the round trip");
    }
}
