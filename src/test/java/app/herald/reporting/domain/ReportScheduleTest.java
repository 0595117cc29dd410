package app.herald.reporting.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.herald.kernel.RuleViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Weekly reports on Monday and monthly reports on the 1st, at 07:00 in the client's zone, for the week or month
 * before. Berlin in 2027: CEST (+02:00) from Sunday 28 March, CET (+01:00) again from Sunday 31 October.
 */
class ReportScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final List<String> TO = List.of("ceo@client.example", "cmo@client.example");

    private static ReportSchedule weekly() {
        return schedule(ReportSchedule.Cadence.WEEKLY);
    }

    private static ReportSchedule monthly() {
        return schedule(ReportSchedule.Cadence.MONTHLY);
    }

    private static ReportSchedule schedule(ReportSchedule.Cadence cadence) {
        return new ReportSchedule(cadence, Report.Format.PDF, TO, null, "staff@agency.example", BERLIN,
                Instant.parse("2027-01-13T09:00:00Z"));
    }

    private static LocalDate[] days(String from, String to) {
        return new LocalDate[] {LocalDate.parse(from), LocalDate.parse(to)};
    }

    @Test
    @DisplayName("Weekly: the next Monday at 07:00 local (winter, CET = UTC+1)")
    void weeklyInWinter() {
        // Wednesday 13 Jan 2027 10:00 CET -> Monday 18 Jan 07:00 CET = 06:00Z
        assertEquals(Instant.parse("2027-01-18T06:00:00Z"),
                weekly().nextRunAfter(Instant.parse("2027-01-13T09:00:00Z"), BERLIN));
    }

    @Test
    @DisplayName("Weekly across the change to summer time: 07:00 CEST, not 07:00 CET")
    void weeklyAcrossSpringForward() {
        // Wednesday 24 Mar 2027 10:00 CET -> Monday 29 Mar 07:00 CEST (+02:00) = 05:00Z (not 06:00Z)
        assertEquals(Instant.parse("2027-03-29T05:00:00Z"),
                weekly().nextRunAfter(Instant.parse("2027-03-24T09:00:00Z"), BERLIN));
    }

    @Test
    @DisplayName("Weekly across the change to winter time: 07:00 CET, not 07:00 CEST")
    void weeklyAcrossFallBack() {
        // Wednesday 27 Oct 2027 11:00 CEST -> Monday 1 Nov 07:00 CET (+01:00) = 06:00Z (not 05:00Z)
        assertEquals(Instant.parse("2027-11-01T06:00:00Z"),
                weekly().nextRunAfter(Instant.parse("2027-10-27T09:00:00Z"), BERLIN));
    }

    @Test
    @DisplayName("Weekly: a run on Monday at 07:00 schedules the Monday after, not the same one again")
    void weeklyAfterARun() {
        // Monday 29 Mar 2027 07:00 CEST = 05:00Z -> Monday 5 Apr 07:00 CEST = 05:00Z
        assertEquals(Instant.parse("2027-04-05T05:00:00Z"),
                weekly().nextRunAfter(Instant.parse("2027-03-29T05:00:00Z"), BERLIN));
        // Sunday 23:59 CEST -> the next day
        assertEquals(Instant.parse("2027-04-05T05:00:00Z"),
                weekly().nextRunAfter(Instant.parse("2027-04-04T21:59:00Z"), BERLIN));
    }

    @Test
    @DisplayName("Weekly: which day it is depends on the client's zone")
    void weeklyDependsOnTheZone() {
        Instant sundayNightUtc = Instant.parse("2027-03-28T22:30:00Z");
        // UTC: Sunday 28 Mar 22:30 -> Monday 29 Mar 07:00Z
        assertEquals(Instant.parse("2027-03-29T07:00:00Z"), weekly().nextRunAfter(sundayNightUtc, ZoneOffset.UTC));
        // Tokyo (+09:00): already Monday 29 Mar 07:30 -> Monday 5 Apr 07:00 JST = 4 Apr 22:00Z
        assertEquals(Instant.parse("2027-04-04T22:00:00Z"),
                weekly().nextRunAfter(sundayNightUtc, ZoneId.of("Asia/Tokyo")));
    }

    @Test
    @DisplayName("Monthly: the 1st of the next month at 07:00 local, across both DST changes")
    void monthlyAcrossDst() {
        // 15 Mar 2027 (CET) -> 1 Apr 07:00 CEST = 05:00Z
        assertEquals(Instant.parse("2027-04-01T05:00:00Z"),
                monthly().nextRunAfter(Instant.parse("2027-03-15T12:00:00Z"), BERLIN));
        // 15 Oct 2027 (CEST) -> 1 Nov 07:00 CET = 06:00Z
        assertEquals(Instant.parse("2027-11-01T06:00:00Z"),
                monthly().nextRunAfter(Instant.parse("2027-10-15T12:00:00Z"), BERLIN));
        // 15 Dec 2027 -> 1 Jan 2028 07:00 CET = 06:00Z
        assertEquals(Instant.parse("2028-01-01T06:00:00Z"),
                monthly().nextRunAfter(Instant.parse("2027-12-15T12:00:00Z"), BERLIN));
    }

    @Test
    @DisplayName("Monthly: a run on the 1st schedules the 1st of the month after; the zone decides the month")
    void monthlyAfterARunAndByZone() {
        // 1 Apr 2027 07:00 CEST = 05:00Z -> 1 May 07:00 CEST = 05:00Z
        assertEquals(Instant.parse("2027-05-01T05:00:00Z"),
                monthly().nextRunAfter(Instant.parse("2027-04-01T05:00:00Z"), BERLIN));
        Instant lateJanuary = Instant.parse("2027-01-31T20:00:00Z");
        // Berlin: 31 Jan 21:00 CET -> 1 Feb 07:00 CET = 06:00Z
        assertEquals(Instant.parse("2027-02-01T06:00:00Z"), monthly().nextRunAfter(lateJanuary, BERLIN));
        // Auckland (+13:00 in summer): already 1 Feb 09:00 -> 1 Mar 07:00 NZDT = 28 Feb 18:00Z
        assertEquals(Instant.parse("2027-02-28T18:00:00Z"),
                monthly().nextRunAfter(lateJanuary, ZoneId.of("Pacific/Auckland")));
    }

    @Test
    @DisplayName("A new schedule's first run is its next run after creation; ranAt moves it on")
    void nextRunAtOnCreationAndAfterARun() {
        ReportSchedule s = new ReportSchedule(ReportSchedule.Cadence.WEEKLY, Report.Format.CSV, TO, null,
                "staff@agency.example", BERLIN, Instant.parse("2027-03-24T09:00:00Z"));
        assertEquals(Instant.parse("2027-03-29T05:00:00Z"), s.getNextRunAt());
        s.ranAt(Instant.parse("2027-03-29T05:00:10Z"), BERLIN);
        // Monday 29 Mar -> Monday 5 Apr 07:00 CEST = 05:00Z
        assertEquals(Instant.parse("2027-04-05T05:00:00Z"), s.getNextRunAt());
    }

    @Test
    @DisplayName("Weekly period: Monday to Sunday of the week before the run")
    void weeklyPeriod() {
        // Run Monday 29 Mar 2027 -> Monday 22 .. Sunday 28 Mar
        assertArrayEquals(days("2027-03-22", "2027-03-28"), weekly().periodFor(LocalDate.parse("2027-03-29")));
        // A late run on Wednesday 31 Mar still reports the week before its own week
        assertArrayEquals(days("2027-03-22", "2027-03-28"), weekly().periodFor(LocalDate.parse("2027-03-31")));
        // Run Monday 3 Jan 2028 -> Monday 27 Dec .. Sunday 2 Jan, across the year
        assertArrayEquals(days("2027-12-27", "2028-01-02"), weekly().periodFor(LocalDate.parse("2028-01-03")));
    }

    @Test
    @DisplayName("Monthly period: the previous calendar month, February with 29 days in a leap year")
    void monthlyPeriod() {
        assertArrayEquals(days("2028-02-01", "2028-02-29"), monthly().periodFor(LocalDate.parse("2028-03-01")));
        assertArrayEquals(days("2027-02-01", "2027-02-28"), monthly().periodFor(LocalDate.parse("2027-03-01")));
        assertArrayEquals(days("2026-12-01", "2026-12-31"), monthly().periodFor(LocalDate.parse("2027-01-01")));
        assertArrayEquals(days("2027-03-01", "2027-03-31"), monthly().periodFor(LocalDate.parse("2027-04-01")));
        // A late run on 3 Apr still reports March
        assertArrayEquals(days("2027-03-01", "2027-03-31"), monthly().periodFor(LocalDate.parse("2027-04-03")));
    }

    @Test
    @DisplayName("The constructor keeps the recipients and strips the notes")
    void constructorKeepsItsInput() {
        ReportSchedule s = new ReportSchedule(ReportSchedule.Cadence.MONTHLY, Report.Format.XLSX, TO,
                "  For the board.  ", "staff@agency.example", BERLIN, Instant.parse("2027-01-13T09:00:00Z"));
        assertEquals(TO, s.getRecipients());
        assertEquals("ceo@client.example, cmo@client.example", s.getRecipientsText());
        assertEquals("For the board.", s.getNotes());
        assertEquals(Report.Format.XLSX, s.getFormat());
        assertEquals(ReportSchedule.Cadence.MONTHLY, s.getCadence());
        assertEquals("staff@agency.example", s.getCreatedBy());
        assertNull(new ReportSchedule(ReportSchedule.Cadence.MONTHLY, Report.Format.XLSX, TO, "   ",
                "staff@agency.example", BERLIN, Instant.parse("2027-01-13T09:00:00Z")).getNotes());
    }

    @Test
    @DisplayName("A schedule without recipients is refused")
    void noRecipients() {
        RuleViolation e = assertThrows(RuleViolation.class, () -> new ReportSchedule(ReportSchedule.Cadence.WEEKLY,
                Report.Format.PDF, List.of(), null, "staff@agency.example", BERLIN, Instant.now()));
        assertEquals("Choose at least one client user to send the report to.", e.getMessage());
    }

    @Test
    @DisplayName("A schedule without cadence or format is refused")
    void noCadenceOrFormat() {
        RuleViolation noCadence = assertThrows(RuleViolation.class, () -> new ReportSchedule(null,
                Report.Format.PDF, TO, null, "staff@agency.example", BERLIN, Instant.now()));
        assertEquals("Choose how often and in which format.", noCadence.getMessage());
        RuleViolation noFormat = assertThrows(RuleViolation.class, () -> new ReportSchedule(
                ReportSchedule.Cadence.WEEKLY, null, TO, null, "staff@agency.example", BERLIN, Instant.now()));
        assertEquals("Choose how often and in which format.", noFormat.getMessage());
    }

    @Test
    @DisplayName("Notes may have MAX_NOTES (4000) characters, not one more")
    void notesTooLong() {
        String longest = "n".repeat(Report.MAX_NOTES);
        assertEquals(longest, new ReportSchedule(ReportSchedule.Cadence.WEEKLY, Report.Format.PDF, TO,
                "  " + longest + "  ", "staff@agency.example", BERLIN, Instant.now()).getNotes(),
                "surrounding spaces do not count");
        RuleViolation e = assertThrows(RuleViolation.class, () -> new ReportSchedule(ReportSchedule.Cadence.WEEKLY,
                Report.Format.PDF, TO, longest + "n", "staff@agency.example", BERLIN, Instant.now()));
        assertEquals("Notes can have at most 4000 characters.", e.getMessage());
    }
}
