package app.herald.analytics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.publishing.domain.Metric;
import app.herald.publishing.domain.MetricReading;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Engagements as the sum of the interactions a network offers, and growth between readings. */
class PostNumbersTest {

    @Test
    @DisplayName("Engagements = likes + shares + replies + quotes + saves + link clicks; not impressions, reach or views")
    void engagementsSumInteractions() {
        PostNumbers n = new PostNumbers(10_000L, 8_000L, 120L, 15L, 9L, 2L, 4L, 30L, 500L);
        // 120 + 15 + 9 + 2 + 4 + 30 = 180
        assertEquals(180L, n.engagements());
    }

    @Test
    @DisplayName("Interactions a network does not offer add nothing")
    void engagementsSkipMissing() {
        PostNumbers n = new PostNumbers(900L, null, 50L, null, 5L, null, null, null, null);
        // 50 + 5 = 55
        assertEquals(55L, n.engagements());
    }

    @Test
    @DisplayName("Engagements are null when the network offers none of the interactions, 0 when it offers zeros")
    void engagementsNotAvailable() {
        assertNull(new PostNumbers(10_000L, 8_000L, null, null, null, null, null, null, 500L).engagements());
        assertNull(PostNumbers.NONE.engagements());
        assertEquals(0L, new PostNumbers(null, null, 0L, null, null, null, null, null, null).engagements());
    }

    @Test
    @DisplayName("Growth = now - before; a number missing before counts from 0, a number missing now is null")
    void growth() {
        // 180 - 150 = 30
        assertEquals(30L, PostNumbers.growth(180L, 150L));
        // 180 - 0 = 180
        assertEquals(180L, PostNumbers.growth(180L, null));
        // 140 - 150 = -10 (likes can be taken back)
        assertEquals(-10L, PostNumbers.growth(140L, 150L));
        assertNull(PostNumbers.growth(null, 150L));
        assertNull(PostNumbers.growth(null, null));
    }

    @Test
    @DisplayName("Reading a network's metrics keeps absent metrics as not available")
    void ofReading() {
        PostNumbers n = PostNumbers.of(new MetricReading(Instant.parse("2027-05-01T10:00:00Z"),
                Map.of(Metric.IMPRESSIONS, 1_000L, Metric.LIKES, 10L, Metric.REPLIES, 2L, Metric.FOLLOWERS, 7_000L)));
        assertEquals(1_000L, n.impressions());
        assertEquals(10L, n.likes());
        assertEquals(2L, n.replies());
        assertNull(n.reach());
        assertNull(n.shares());
        assertNull(n.quotes());
        assertNull(n.saves());
        assertNull(n.linkClicks());
        assertNull(n.videoViews());
        // 10 + 2 = 12; followers are a channel number, not an interaction
        assertEquals(12L, n.engagements());
        assertFalse(n.isEmpty());
    }

    @Test
    @DisplayName("An empty reading gives NONE")
    void emptyReading() {
        PostNumbers n = PostNumbers.of(new MetricReading(Instant.parse("2027-05-01T10:00:00Z"), Map.of()));
        assertTrue(n.isEmpty());
        assertTrue(PostNumbers.NONE.isEmpty());
        assertFalse(new PostNumbers(null, null, 0L, null, null, null, null, null, null).isEmpty());
    }
}
