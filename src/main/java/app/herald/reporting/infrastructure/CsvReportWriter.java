package app.herald.reporting.infrastructure;

import app.herald.reporting.domain.ReportContent;
import app.herald.reporting.domain.ReportContent.Day;
import app.herald.reporting.domain.ReportProgress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A client's report as CSV for other tools: the daily table (RFC 4180, UTF-8, one header row), with what came into
 * the inbox and the answers it sent beside the publishing figures. Dates are ISO
 * (2026-10-01), numbers plain digits without grouping, and a figure that is not available is an empty cell, never 0.
 *
 * <p>Every cell is a date or a number, written by Herald, so none can carry a spreadsheet formula: the apostrophe
 * guard that the audit export needs for user text has nothing to guard here.
 */
public final class CsvReportWriter {

    static final String[] HEADER = {"date", "impressions", "engagements", "clicks", "conversions", "followers",
        "inbound", "answers"};
    private static final int PROGRESS_EVERY = 50;

    public byte[] write(ReportContent c, ReportProgress progress) {
        ReportProgress p = Objects.requireNonNullElse(progress, ReportProgress.IGNORED);
        p.at(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Day> days = c.days();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (int i = 0; i < days.size(); i++) {
                Day day = days.get(i);
                csv.printRecord(day.date().toString(), day.impressions(), day.engagements(), day.clicks(),
                        day.conversions(), day.followers(), day.inbound(), day.answers());
                if (i % PROGRESS_EVERY == PROGRESS_EVERY - 1) {
                    p.at(95 * (i + 1) / days.size());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The CSV report could not be written", e);
        }
        p.at(100);
        return out.toByteArray();
    }
}
