package app.herald.engagement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.herald.approval.domain.Decision;
import app.herald.approval.domain.PostState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A reply's review decision is stored as it was made and read back the same. */
class ReplyDecisionTest {

    @Test
    void aStoredDecisionReadsBackAsTheDecisionMade() {
        Decision made = new Decision(2, Instant.parse("2026-11-26T09:00:00Z"), Decision.Kind.CHANGES_REQUESTED,
                PostState.IN_REVIEW, PostState.CHANGES_REQUESTED, 1, "Say sorry first.");

        ReplyDecision stored = new ReplyDecision(40, "Alex Manager", made);

        assertEquals(40, stored.getReplyId());
        assertEquals("Alex Manager", stored.getUserName());
        assertEquals(made, stored.toDecision());
    }
}
