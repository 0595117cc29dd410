package app.herald.publishing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.content.domain.Network;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** What a round across clients starts by itself is exactly what the publication would start as a first attempt. */
class DuePublicationTest {

    private static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    private static final SendingChannel CHANNEL = new SendingChannel(3, Network.MASTODON, "@acme@social.test",
            "Acme · Mastodon", "https://social.test", "sealed");

    private static DuePublication due(PublicationState state, Instant dueAt, Long nextAttemptAt, boolean connected,
                                      Long rateLimitedUntil, boolean hasMedia) {
        return new DuePublication(1, 2, 4, state, dueAt.toEpochMilli(), nextAttemptAt, "key-1", CHANNEL, connected,
                rateLimitedUntil, "Hello", "First!", 9L, hasMedia);
    }

    private static DuePublication queuedAt(Instant dueAt) {
        return due(PublicationState.QUEUED, dueAt, null, true, null, false);
    }

    @Test
    void aQueuedPublicationDueNowOrWithinTheMarginGoesOut() {
        assertTrue(queuedAt(NOW).goesOutAsItIs(NOW));
        assertTrue(queuedAt(NOW.minusSeconds(30)).goesOutAsItIs(NOW), "late");
        assertTrue(queuedAt(NOW.plus(DuePublication.EARLY_MARGIN)).goesOutAsItIs(NOW), "at the margin");
        assertFalse(queuedAt(NOW.plus(DuePublication.EARLY_MARGIN).plusMillis(1)).goesOutAsItIs(NOW),
                "moved to a later time: put back through its entity");
    }

    @Test
    void aRetryGoesOutAtItsNextAttemptNotItsFirstDueTime() {
        long later = NOW.plusSeconds(30).toEpochMilli();
        assertFalse(due(PublicationState.RETRY_WAIT, NOW.minusSeconds(60), later, true, null, false)
                .goesOutAsItIs(NOW));
        assertTrue(due(PublicationState.RETRY_WAIT, NOW.minusSeconds(60), NOW.toEpochMilli(), true, null, false)
                .goesOutAsItIs(NOW));
    }

    @Test
    void onlyWhatWasNeverSentGoesOutAsItIs() {
        for (PublicationState state : EnumSet.complementOf(EnumSet.of(PublicationState.QUEUED,
                PublicationState.RETRY_WAIT))) {
            assertFalse(due(state, NOW, null, true, null, false).goesOutAsItIs(NOW),
                    state + ": asks the network first, is settled, or is held");
        }
    }

    @Test
    void aChannelThatCannotTakeItNowOrMediaLeaveItToTheEntity() {
        assertFalse(due(PublicationState.QUEUED, NOW, null, false, null, false).goesOutAsItIs(NOW), "not connected");
        assertFalse(due(PublicationState.QUEUED, NOW, null, true, NOW.plusSeconds(60).toEpochMilli(), false)
                .goesOutAsItIs(NOW), "rate limited");
        assertTrue(due(PublicationState.QUEUED, NOW, null, true, NOW.toEpochMilli(), false).goesOutAsItIs(NOW),
                "a rate limit that has just ended");
        assertFalse(due(PublicationState.QUEUED, NOW, null, true, null, true).goesOutAsItIs(NOW), "media");
    }

    @Test
    void whatGoesOutIsTheCopyUnderThePublicationsKey() {
        Outgoing outgoing = queuedAt(NOW).outgoing();
        assertEquals(1, outgoing.publicationId());
        assertEquals("key-1", outgoing.idempotencyKey());
        assertEquals("Hello", outgoing.text());
        assertEquals("First!", outgoing.firstComment());
        assertTrue(outgoing.media().isEmpty());
    }
}
