package app.herald.tenancy.infrastructure;

import app.herald.tenancy.domain.AuditEntry;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes audit entries as CSV (RFC 4180): local time in the tenant's zone and UTC, who, what, subject, details.
 * Cells that a spreadsheet would run as a formula are prefixed with an apostrophe (CSV injection).
 */
public final class AuditCsv {

    public static final String[] HEADER = {"time (local)", "time (UTC)", "who", "action", "subject", "details"};
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    private AuditCsv() {
    }

    public static void write(List<AuditEntry> entries, ZoneId zone, Writer out) throws IOException {
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (AuditEntry e : entries) {
                csv.printRecord(LOCAL.format(e.getOccurredAt().atZone(zone)), e.getOccurredAt().toString(),
                        safe(e.getActor()), safe(e.getAction()), safe(e.getSubject()), safe(e.getDetail()));
            }
        }
    }

    static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }
}
