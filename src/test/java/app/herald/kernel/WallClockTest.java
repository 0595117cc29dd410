package app.herald.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The DST rule of docs/scheduling.md, on the transitions of 2027 in Berlin and New York and a half-hour change. */
class WallClockTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aTimeInTheSkippedHourMovesForwardByTheGap() {
        // 28 March 2027: 02:00 CET becomes 03:00 CEST; 02:30 does not exist.
        assertEquals(Instant.parse("2027-03-28T01:30:00Z"),
                WallClock.instantOf(LocalDateTime.parse("2027-03-28T02:30"), BERLIN));
        assertEquals(Instant.parse("2027-03-14T07:15:00Z"),
                WallClock.instantOf(LocalDateTime.parse("2027-03-14T02:15"), ZoneId.of("America/New_York")));
    }

    @Test
    void aTimeInTheRepeatedHourIsItsFirstOccurrence() {
        // 31 October 2027: 03:00 CEST falls back to 02:00 CET; 02:30 happens at 00:30Z and again at 01:30Z.
        assertEquals(Instant.parse("2027-10-31T00:30:00Z"),
                WallClock.instantOf(LocalDateTime.parse("2027-10-31T02:30"), BERLIN));
        assertEquals(Instant.parse("2027-11-07T05:30:00Z"),
                WallClock.instantOf(LocalDateTime.parse("2027-11-07T01:30"), ZoneId.of("America/New_York")));
    }

    @Test
    void aHalfHourChangeMovesByHalfAnHour() {
        // Lord Howe Island springs forward by 30 minutes at 02:00 on 3 October 2027.
        assertEquals(LocalDateTime.parse("2027-10-03T02:45"),
                WallClock.at(LocalDateTime.parse("2027-10-03T02:15"), ZoneId.of("Australia/Lord_Howe")).toLocalDateTime());
    }

    @Test
    void ordinaryTimesAreUnchanged() {
        assertEquals(Instant.parse("2027-06-01T07:00:00Z"),
                WallClock.instantOf(LocalDateTime.parse("2027-06-01T09:00"), BERLIN));
    }
}
