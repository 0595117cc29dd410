package app.herald.publishing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PublishingSummaryTest {

    private static final Instant T = Instant.parse("2026-11-26T10:00:00Z");
    private static final RetryPolicy POLICY = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofMinutes(1));

    private static Publication queued() {
        return new Publication(1, 1, T, T);
    }

    private static Publication published() {
        Publication p = queued();
        p.start(T);
        p.published("1", null, T);
        return p;
    }

    private static Publication failed() {
        Publication p = queued();
        p.start(T);
        p.rejected("No.", T);
        return p;
    }

    private static Publication waiting() {
        Publication p = queued();
        p.start(T);
        p.retryLater("503", Optional.empty(), POLICY, new Random(1), T);
        return p;
    }

    private static Publication cancelled() {
        Publication p = queued();
        p.cancel("x", T);
        return p;
    }

    @Test
    void whatNeedsAPersonComesFirst() {
        assertEquals(Optional.of(PublishingSummary.FAILED), PublishingSummary.of(List.of(published(), failed(), waiting())));
        assertEquals(Optional.of(PublishingSummary.NEEDS_ATTENTION), PublishingSummary.of(List.of(published(), waiting())));
    }

    @Test
    void publishedWhenEveryLivePublicationWentOut() {
        assertEquals(Optional.of(PublishingSummary.PUBLISHED), PublishingSummary.of(List.of(published(), cancelled())));
        assertEquals(Optional.of(PublishingSummary.PARTLY_PUBLISHED), PublishingSummary.of(List.of(published(), queued())));
    }

    @Test
    void nothingToSayWhileEverythingWaitsForItsTime() {
        assertEquals(Optional.empty(), PublishingSummary.of(List.of(queued(), queued())));
        assertEquals(Optional.empty(), PublishingSummary.of(List.of()));
    }
}
