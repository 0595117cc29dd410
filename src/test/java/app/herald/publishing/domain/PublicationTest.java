package app.herald.publishing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.kernel.RuleViolation;
import app.herald.publishing.domain.Delivery.Attempt;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PublicationTest {

    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    private static final RetryPolicy POLICY = new RetryPolicy(3, Duration.ofSeconds(30), Duration.ofHours(1));

    private final Random random = new Random(7);

    private Publication queued() {
        return new Publication(1, 2, T0, T0.minusSeconds(60));
    }

    private Publication publishing() {
        Publication p = queued();
        p.start(T0);
        return p;
    }

    @Test
    void aQueuedPublicationIsSentWithoutLookupAndCountsTheAttempt() {
        Publication p = queued();
        assertEquals(Attempt.PUBLISH, p.start(T0));
        assertEquals(PublicationState.PUBLISHING, p.getState());
        assertEquals(1, p.getAttempts());
    }

    @Test
    void publishedKeepsTheNetworksIdAndLink() {
        Publication p = publishing();
        p.published("109", "https://social.example/@acme/109", T0.plusSeconds(1));
        assertEquals(PublicationState.PUBLISHED, p.getState());
        assertEquals("109", p.getNetworkPostId());
        assertEquals("https://social.example/@acme/109", p.getNetworkUrl());
        assertEquals(Optional.of(T0.plusSeconds(1)), p.getPublishedAt());
        assertTrue(p.getState().isSettled());
    }

    @Test
    void aPassingFailureWaitsWithBackoffThenFailsWhenAttemptsAreUsedUp() {
        Publication p = publishing();
        Instant next = p.retryLater("HTTP 503.", Optional.empty(), POLICY, random, T0).orElseThrow();
        assertEquals(PublicationState.RETRY_WAIT, p.getState());
        assertTrue(!next.isBefore(T0.plusSeconds(30)) && !next.isAfter(T0.plusSeconds(36)), "30 s + up to 20% jitter: " + next);
        assertEquals(next, p.nextDue());

        assertEquals(Attempt.PUBLISH, p.start(next));
        Instant second = p.retryLater("HTTP 503.", Optional.empty(), POLICY, random, next).orElseThrow();
        assertTrue(!second.isBefore(next.plusSeconds(60)), "the second wait doubles");

        p.start(second);
        assertEquals(Optional.empty(), p.retryLater("HTTP 503.", Optional.empty(), POLICY, random, second));
        assertEquals(PublicationState.FAILED, p.getState());
        assertTrue(p.getReason().startsWith("HTTP 503. Herald tried 3 times"), p.getReason());
    }

    @Test
    void theNetworksRetryAfterIsHonouredWhenLongerThanTheBackoff() {
        Publication p = publishing();
        Instant next = p.retryLater("Rate limited.", Optional.of(Duration.ofMinutes(15)), POLICY, random, T0).orElseThrow();
        assertEquals(T0.plus(Duration.ofMinutes(15)), next);
    }

    @Test
    void aRefusalFailsAtOnceWithTheReason() {
        Publication p = publishing();
        p.rejected("The network refused the post: duplicate.", T0);
        assertEquals(PublicationState.FAILED, p.getState());
        assertEquals("The network refused the post: duplicate.", p.getReason());
        assertTrue(p.getState().needsAttention());
    }

    @Test
    void anUnconfirmedPublicationIsLookedUpBeforeAnyRetryAndCanEndPublished() {
        Publication p = publishing();
        Instant next = p.unconfirmed("No answer.", POLICY, random, T0).orElseThrow();
        assertEquals(PublicationState.UNCONFIRMED, p.getState());
        assertEquals(Attempt.LOOKUP_FIRST, p.start(next));
        p.published("found-by-lookup", null, next);
        assertEquals(PublicationState.PUBLISHED, p.getState());
    }

    @Test
    void anUnconfirmedPublicationFoundAbsentIsSentAndAFailureThenNoLongerNeedsALookup() {
        Publication p = publishing();
        Instant next = p.unconfirmed("No answer.", POLICY, random, T0).orElseThrow();
        assertEquals(Attempt.LOOKUP_FIRST, p.start(next));
        // The lookup said absent, the resend answered 503: nothing reached the network.
        Instant after = p.retryLater("HTTP 503.", Optional.empty(), POLICY, random, next).orElseThrow();
        assertEquals(Attempt.PUBLISH, p.start(after));
    }

    @Test
    void aPublicationLeftPublishingByADeadNodeIsLookedUpFirst() {
        Publication p = publishing();
        assertEquals(Attempt.LOOKUP_FIRST, p.start(T0.plusSeconds(90)));
        assertEquals(2, p.getAttempts());
    }

    @Test
    void unconfirmedTooOftenFailsAskingAPersonToCheckTheNetwork() {
        Publication p = publishing();
        Instant t = p.unconfirmed("No answer.", POLICY, random, T0).orElseThrow();
        p.start(t);
        t = p.unconfirmed("No answer.", POLICY, random, t).orElseThrow();
        p.start(t);
        assertEquals(Optional.empty(), p.unconfirmed("No answer.", POLICY, random, t));
        assertEquals(PublicationState.FAILED, p.getState());
        assertTrue(p.getReason().contains("look at the channel on the network"), p.getReason());
    }

    @Test
    void settledPublicationsAreNotSentAgain() {
        Publication published = publishing();
        published.published("1", null, T0);
        assertThrows(IllegalStateException.class, () -> published.start(T0));
        Publication failed = publishing();
        failed.rejected("No.", T0);
        assertThrows(IllegalStateException.class, () -> failed.start(T0));
        Publication cancelled = queued();
        cancelled.cancel("Not needed.", T0);
        assertThrows(IllegalStateException.class, () -> cancelled.start(T0));
    }

    @Test
    void outcomesNeedAPublicationInFlight() {
        Publication p = queued();
        assertThrows(IllegalStateException.class, () -> p.published("1", null, T0));
        assertThrows(IllegalStateException.class, () -> p.rejected("x", T0));
        assertThrows(IllegalStateException.class, () -> p.retryLater("x", Optional.empty(), POLICY, random, T0));
        assertThrows(IllegalStateException.class, () -> p.unconfirmed("x", POLICY, random, T0));
    }

    @Test
    void retryStartsAFailedPublicationAgainNowWithFreshAttempts() {
        Publication p = publishing();
        p.rejected("Token expired.", T0);
        Instant now = T0.plusSeconds(600);
        p.retry(now);
        assertEquals(PublicationState.QUEUED, p.getState());
        assertEquals(0, p.getAttempts());
        assertNull(p.getReason());
        assertEquals(now, p.nextDue());
        assertThrows(RuleViolation.class, () -> p.retry(now), "a queued publication is not retried");
    }

    @Test
    void cancelStopsWhatHasNotGoneOutButNeverWhatMayHave() {
        Publication waiting = publishing();
        waiting.retryLater("503", Optional.empty(), POLICY, random, T0);
        waiting.cancel("No longer needed.", T0);
        assertEquals(PublicationState.CANCELLED, waiting.getState());

        assertThrows(RuleViolation.class, () -> publishing().cancel("x", T0));
        Publication unconfirmed = publishing();
        unconfirmed.unconfirmed("No answer.", POLICY, random, T0);
        assertThrows(RuleViolation.class, () -> unconfirmed.cancel("x", T0));
        Publication published = publishing();
        published.published("1", null, T0);
        assertThrows(RuleViolation.class, () -> published.cancel("x", T0));
    }

    @Test
    void rescheduleMovesAWaitingPublicationAndRequeuesACancelledOne() {
        Publication p = queued();
        Instant later = T0.plus(Duration.ofDays(1));
        p.reschedule(later, T0);
        assertEquals(later, p.getDueAt());
        p.cancel("x", T0);
        p.reschedule(T0.plusSeconds(5), T0);
        assertEquals(PublicationState.QUEUED, p.getState());
        assertThrows(RuleViolation.class, () -> publishing().reschedule(later, T0));
    }

    @Test
    void aRateLimitedChannelMakesItsPublicationsWaitWithoutSpendingAttempts() {
        Publication p = queued();
        p.waitUntil(T0.plusSeconds(900), "Rate limited.", T0);
        assertEquals(PublicationState.RETRY_WAIT, p.getState());
        assertEquals(0, p.getAttempts());
        assertEquals(T0.plusSeconds(900), p.nextDue());
        assertEquals(Attempt.PUBLISH, p.start(T0.plusSeconds(900)));
        assertThrows(IllegalStateException.class, () -> p.waitUntil(T0, "x", T0), "not while publishing");
    }

    @Test
    void eachPublicationHasItsOwnStableIdempotencyKey() {
        Publication a = queued();
        Publication b = queued();
        String key = a.getIdempotencyKey();
        a.start(T0);
        a.retryLater("503", Optional.empty(), POLICY, random, T0);
        a.start(T0.plusSeconds(60));
        assertEquals(key, a.getIdempotencyKey());
        assertTrue(!key.equals(b.getIdempotencyKey()));
    }
}
