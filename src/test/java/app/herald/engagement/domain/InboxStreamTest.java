package app.herald.engagement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How far one stream of a channel has been read, and what went wrong last. */
class InboxStreamTest {

    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void aNewStreamStartsWithoutCursor() {
        InboxStream s = new InboxStream(3, "notifications", T0);

        assertEquals(3, s.getChannelId());
        assertEquals("notifications", s.getStream());
        assertEquals(Optional.empty(), s.getCursor());
        assertEquals(0, s.getItemsRead());
        assertEquals(T0, s.getReadAt());
        assertEquals(Optional.empty(), s.getProblem());
    }

    @Test
    void eachReadingMovesTheCursorAndCountsWhatCame() {
        InboxStream s = new InboxStream(3, "notifications", T0);

        s.read(20, Optional.of("cursor-1"), at(1));
        s.read(5, Optional.of("cursor-2"), at(2));

        assertEquals(Optional.of("cursor-2"), s.getCursor());
        assertEquals(25, s.getItemsRead());
        assertEquals(at(2), s.getReadAt());
    }

    @Test
    void aReadingWithoutNextCursorKeepsWhereItStarted() {
        InboxStream s = new InboxStream(3, "comments", T0);
        s.read(20, Optional.of("cursor-1"), at(1));

        s.read(0, Optional.empty(), at(2));

        assertEquals(Optional.of("cursor-1"), s.getCursor());
        assertEquals(20, s.getItemsRead());
        assertEquals(at(2), s.getReadAt());
    }

    @Test
    void aFailureIsShownUntilTheNextGoodReading() {
        InboxStream s = new InboxStream(3, "messages", T0);
        s.read(4, Optional.of("cursor-1"), at(1));

        s.failed("HTTP 503.", at(2));
        assertEquals(Optional.of("HTTP 503."), s.getProblem());
        assertEquals(Optional.of("cursor-1"), s.getCursor());
        assertEquals(4, s.getItemsRead());
        assertEquals(at(2), s.getReadAt());

        s.read(1, Optional.empty(), at(3));
        assertEquals(Optional.empty(), s.getProblem());
    }

    @Test
    void aLongProblemIsCut() {
        InboxStream s = new InboxStream(3, "messages", T0);

        s.failed("x".repeat(1500), at(1));

        assertEquals("x".repeat(1000), s.getProblem().orElseThrow());
    }

    @Test
    void anOverlongCursorIsRefusedAndNothingIsCounted() {
        InboxStream s = new InboxStream(3, "messages", T0);
        s.read(4, Optional.of("cursor-1"), at(1));

        assertThrows(IllegalStateException.class, () -> s.read(9, Optional.of("c".repeat(1001)), at(2)));

        assertEquals(Optional.of("cursor-1"), s.getCursor());
        assertEquals(4, s.getItemsRead());
        assertEquals(at(1), s.getReadAt());

        s.read(1, Optional.of("c".repeat(1000)), at(3));
        assertEquals(1000, s.getCursor().orElseThrow().length());
    }
}
