package app.herald.engagement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.herald.content.domain.Network;
import app.herald.publishing.domain.InteractionKind;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The inbox's figures that are computed from the others: what came in, the reply rate, the share within target. */
class EngagementFiguresTest {

    private static final LocalDate FROM = LocalDate.of(2026, 11, 1);
    private static final LocalDate TO = LocalDate.of(2026, 11, 30);

    private static EngagementFigures figures(Map<InteractionKind, Long> byKind, long opened, long answered,
                                             ResponseTimes firstAnswerBusiness, long withinTarget) {
        return new EngagementFigures(FROM, TO, byKind, Map.of(Network.BLUESKY, 7L), List.of(), opened, answered,
                ResponseTimes.NONE, firstAnswerBusiness, ResponseTimes.NONE, Duration.ofHours(4), withinTarget, 0,
                List.of(), 0, 0, 0, 0);
    }

    private static ResponseTimes times(int count) {
        return new ResponseTimes(count, Duration.ofMinutes(30), Duration.ofHours(2));
    }

    @Test
    void whatCameInIsTheSumOverAllKinds() {
        EngagementFigures f = figures(Map.of(InteractionKind.COMMENT, 12L, InteractionKind.MESSAGE, 3L,
                InteractionKind.LIKE, 40L), 0, 0, ResponseTimes.NONE, 0);

        assertEquals(55, f.inbound());
    }

    @Test
    void nothingCameInIsZero() {
        assertEquals(0, figures(Map.of(), 0, 0, ResponseTimes.NONE, 0).inbound());
    }

    @Test
    void theReplyRateIsAnsweredOverOpened() {
        assertEquals(0.75, figures(Map.of(), 8, 6, ResponseTimes.NONE, 0).replyRate(), 1e-12);
        assertEquals(1.0 / 3, figures(Map.of(), 3, 1, ResponseTimes.NONE, 0).replyRate(), 1e-12);
        assertEquals(0.0, figures(Map.of(), 5, 0, ResponseTimes.NONE, 0).replyRate(), 1e-12);
    }

    @Test
    void thereIsNoReplyRateWhenNothingWasOpened() {
        assertNull(figures(Map.of(), 0, 0, ResponseTimes.NONE, 0).replyRate());
    }

    @Test
    void theShareWithinTargetIsOverTheFirstAnswersInBusinessTime() {
        assertEquals(0.8, figures(Map.of(), 20, 10, times(10), 8).withinTarget(), 1e-12);
        assertEquals(1.0, figures(Map.of(), 20, 4, times(4), 4).withinTarget(), 1e-12);
    }

    @Test
    void thereIsNoShareWithinTargetWithoutFirstAnswers() {
        assertNull(figures(Map.of(), 20, 0, ResponseTimes.NONE, 0).withinTarget());
    }
}
