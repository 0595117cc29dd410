package app.herald.analytics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** When a published post is measured: 1 h, 6 h, 24 h, 3 d, 7 d, 14 d and 30 d after it went out. */
class CadenceTest {

    private static final Instant PUBLISHED = Instant.parse("2027-05-01T10:00:00Z");

    @Test
    @DisplayName("Checkpoints fall due 1h, 6h, 24h, 3d, 7d, 14d and 30d after publishing")
    void dueTimes() {
        assertEquals(Optional.of(Instant.parse("2027-05-01T11:00:00Z")), Cadence.due(0, PUBLISHED)); // +1 h
        assertEquals(Optional.of(Instant.parse("2027-05-01T16:00:00Z")), Cadence.due(1, PUBLISHED)); // +6 h
        assertEquals(Optional.of(Instant.parse("2027-05-02T10:00:00Z")), Cadence.due(2, PUBLISHED)); // +24 h
        assertEquals(Optional.of(Instant.parse("2027-05-04T10:00:00Z")), Cadence.due(3, PUBLISHED)); // 1 + 3 = 4 May
        assertEquals(Optional.of(Instant.parse("2027-05-08T10:00:00Z")), Cadence.due(4, PUBLISHED)); // 1 + 7 = 8 May
        assertEquals(Optional.of(Instant.parse("2027-05-15T10:00:00Z")), Cadence.due(5, PUBLISHED)); // 1 + 14 = 15 May
        assertEquals(Optional.of(Instant.parse("2027-05-31T10:00:00Z")), Cadence.due(6, PUBLISHED)); // 1 + 30 = 31 May
        assertEquals(7, Cadence.CHECKPOINTS.size());
    }

    @Test
    @DisplayName("There is nothing due after the last checkpoint, nor before the first")
    void emptyOutsideTheCheckpoints() {
        assertEquals(Optional.empty(), Cadence.due(7, PUBLISHED));
        assertEquals(Optional.empty(), Cadence.due(100, PUBLISHED));
        assertEquals(Optional.empty(), Cadence.due(-1, PUBLISHED));
    }

    @Test
    @DisplayName("Right after publishing the next checkpoint is the first")
    void nextStepAtPublishing() {
        assertEquals(0, Cadence.nextStepAfter(PUBLISHED, PUBLISHED));
        assertEquals(0, Cadence.nextStepAfter(PUBLISHED, PUBLISHED.plus(Duration.ofMinutes(59))));
    }

    @Test
    @DisplayName("A checkpoint due exactly now is still ahead; one second later it was missed")
    void nextStepAtACheckpoint() {
        // 6 h after publishing: checkpoint 1 (6 h) is due now
        assertEquals(1, Cadence.nextStepAfter(PUBLISHED, PUBLISHED.plus(Duration.ofHours(6))));
        assertEquals(2, Cadence.nextStepAfter(PUBLISHED, PUBLISHED.plus(Duration.ofHours(6)).plusSeconds(1)));
    }

    @Test
    @DisplayName("Missed checkpoints are skipped to the first one still ahead")
    void nextStepSkipsMissed() {
        // 2 h: 1 h missed -> 6 h (step 1)
        assertEquals(1, Cadence.nextStepAfter(PUBLISHED, PUBLISHED.plus(Duration.ofHours(2))));
        // 10 days: 1h, 6h, 24h, 3d, 7d missed -> 14 d (step 5)
        assertEquals(5, Cadence.nextStepAfter(PUBLISHED, PUBLISHED.plus(Duration.ofDays(10))));
        // 20 days: 14 d missed too -> 30 d (step 6)
        assertEquals(6, Cadence.nextStepAfter(PUBLISHED, PUBLISHED.plus(Duration.ofDays(20))));
    }

    @Test
    @DisplayName("Long after the last checkpoint the next step is the last one, never beyond it")
    void nextStepNeverBeyondTheLast() {
        assertEquals(6, Cadence.nextStepAfter(PUBLISHED, PUBLISHED.plus(Duration.ofDays(60))));
        assertTrue(Cadence.due(Cadence.nextStepAfter(PUBLISHED, PUBLISHED.plus(Duration.ofDays(60))),
                PUBLISHED).isPresent());
    }
}
