package app.herald.tracking.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Last click within the window, with five minutes of clock skew forgiven. */
class AttributionTest {

    private static final Instant CLICK = Instant.parse("2027-05-01T12:00:00Z");
    private static final Attribution WEEK = new Attribution(Attribution.DEFAULT_WINDOW);

    @Test
    @DisplayName("The default window is seven days")
    void defaultWindow() {
        assertEquals(Duration.ofDays(7), Attribution.DEFAULT_WINDOW);
    }

    @Test
    @DisplayName("A conversion within the window is credited")
    void withinWindow() {
        assertTrue(WEEK.credits(CLICK, CLICK));
        assertTrue(WEEK.credits(CLICK, CLICK.plusSeconds(1)));
        assertTrue(WEEK.credits(CLICK, Instant.parse("2027-05-04T08:30:00Z")));
    }

    @Test
    @DisplayName("Exactly at the window's end counts, one second after does not")
    void windowEnd() {
        // 1 May 12:00 + 7 days = 8 May 12:00
        assertTrue(WEEK.credits(CLICK, Instant.parse("2027-05-08T12:00:00Z")));
        assertFalse(WEEK.credits(CLICK, Instant.parse("2027-05-08T12:00:01Z")));
    }

    @Test
    @DisplayName("A conversion up to five minutes before the click is clock skew; earlier is not credited")
    void conversionBeforeClick() {
        // 12:00 - 5 min = 11:55
        assertTrue(WEEK.credits(CLICK, Instant.parse("2027-05-01T11:57:00Z")));
        assertTrue(WEEK.credits(CLICK, Instant.parse("2027-05-01T11:55:00Z")));
        assertFalse(WEEK.credits(CLICK, Instant.parse("2027-05-01T11:54:59Z")));
        assertFalse(WEEK.credits(CLICK, Instant.parse("2027-04-30T12:00:00Z")));
    }

    @Test
    @DisplayName("A shorter window ends sooner")
    void customWindow() {
        Attribution day = new Attribution(Duration.ofDays(1));
        // 1 May 12:00 + 1 day = 2 May 12:00
        assertTrue(day.credits(CLICK, Instant.parse("2027-05-02T12:00:00Z")));
        assertFalse(day.credits(CLICK, Instant.parse("2027-05-02T12:00:01Z")));
        assertFalse(day.credits(CLICK, Instant.parse("2027-05-05T12:00:00Z")), "credited by a week, not by a day");
    }

    @Test
    @DisplayName("A missing, zero or negative window is refused")
    void invalidWindow() {
        assertThrows(IllegalArgumentException.class, () -> new Attribution(null));
        assertThrows(IllegalArgumentException.class, () -> new Attribution(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new Attribution(Duration.ofDays(-1)));
        assertEquals(Duration.ofSeconds(1), new Attribution(Duration.ofSeconds(1)).window());
    }
}
