package app.herald.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.content.domain.PostingSlot;
import app.herald.content.domain.SlotSchedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Slots across daylight-saving changes in Europe/Berlin, America/New_York and Australia/Lord_Howe (30 minutes). */
class SlotScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");

    private static SlotSchedule sundays(ZoneId zone, String... times) {
        return new SlotSchedule(java.util.Arrays.stream(times)
                .map(t -> new PostingSlot(DayOfWeek.SUNDAY, LocalTime.parse(t))).toList(), zone);
    }

    private static List<Instant> on(SlotSchedule schedule, String dayStartUtc) {
        Instant from = Instant.parse(dayStartUtc);
        return schedule.between(from, from.plusSeconds(36 * 3600));
    }

    @Test
    void aSlotInTheSpringForwardGapMovesForwardByTheGap() {
        assertEquals(List.of(Instant.parse("2026-03-29T01:30:00Z")), on(sundays(BERLIN, "02:30"), "2026-03-28T12:00:00Z"),
                "02:30 does not exist in Berlin that night: 03:30 CEST");
        assertEquals(List.of(Instant.parse("2026-03-08T07:30:00Z")), on(sundays(NEW_YORK, "02:30"), "2026-03-07T12:00:00Z"),
                "03:30 EDT");
        assertEquals(List.of(Instant.parse("2026-10-03T15:45:00Z")), on(sundays(LORD_HOWE, "02:15"), "2026-10-03T00:00:00Z"),
                "Lord Howe skips 02:00-02:30: 02:45 at +11:00");
    }

    @Test
    void aSlotInTheRepeatedHourGoesOutOnceAtItsFirstOccurrence() {
        assertEquals(List.of(Instant.parse("2026-10-25T00:30:00Z")), on(sundays(BERLIN, "02:30"), "2026-10-24T12:00:00Z"),
                "02:30 CEST, not also 02:30 CET");
        assertEquals(List.of(Instant.parse("2026-11-01T05:30:00Z")), on(sundays(NEW_YORK, "01:30"), "2026-10-31T12:00:00Z"),
                "01:30 EDT, not also 01:30 EST");
        assertEquals(List.of(Instant.parse("2026-04-04T14:45:00Z")), on(sundays(LORD_HOWE, "01:45"), "2026-04-04T00:00:00Z"),
                "Lord Howe repeats 01:30-02:00: the first 01:45, at +11:00");
    }

    @Test
    void twoSlotsLandingOnOneInstantGiveOneSlot() {
        assertEquals(List.of(Instant.parse("2026-03-29T01:30:00Z")),
                on(sundays(BERLIN, "02:30", "03:30"), "2026-03-28T12:00:00Z"));
    }

    @Test
    void ordinaryDaysKeepTheirWallClockAcrossTheChange() {
        SlotSchedule nineOClock = sundays(BERLIN, "09:00");
        assertEquals(List.of(Instant.parse("2026-03-22T08:00:00Z"), Instant.parse("2026-03-29T07:00:00Z")),
                nineOClock.between(Instant.parse("2026-03-21T00:00:00Z"), Instant.parse("2026-03-30T00:00:00Z")),
                "09:00 CET, then 09:00 CEST");
    }

    @Test
    void theQueueTakesTheNextFreeSlot() {
        SlotSchedule schedule = new SlotSchedule(List.of(new PostingSlot(DayOfWeek.MONDAY, LocalTime.of(9, 0)),
                new PostingSlot(DayOfWeek.WEDNESDAY, LocalTime.of(17, 30))), NEW_YORK);
        Instant sunday = Instant.parse("2026-11-29T12:00:00Z");
        Instant monday = Instant.parse("2026-11-30T14:00:00Z");
        Instant wednesday = Instant.parse("2026-12-02T22:30:00Z");
        assertEquals(Optional.of(monday), schedule.nextFree(sunday, List.of(), 4));
        assertEquals(Optional.of(wednesday), schedule.nextFree(sunday, List.of(monday), 4));
        assertEquals(Optional.of(Instant.parse("2026-12-07T14:00:00Z")),
                schedule.nextFree(sunday, List.of(monday, wednesday), 4));
        assertTrue(new SlotSchedule(List.of(), NEW_YORK).nextFree(sunday, List.of(), 4).isEmpty());
        assertTrue(schedule.nextFree(sunday, schedule.between(sunday, Instant.parse("2027-01-31T00:00:00Z")), 2)
                .isEmpty(), "every slot of the horizon is taken");
    }
}
