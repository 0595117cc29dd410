package app.herald.engagement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.herald.kernel.RuleViolation;
import app.herald.publishing.domain.InteractionKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A thread's state follows from who spoke last, also when networks report what was said out of order. */
class ConversationTest {

    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    private static final long SAM = 7;
    private static final long ALEX = 8;

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private static Conversation opened() {
        return new Conversation(3, "thread-1", InteractionKind.COMMENT, 5, null, "Where is my order?", "Ana @ana", T0,
                at(1));
    }

    @Test
    void aConversationOpensNewAndWaitsSinceItsFirstWord() {
        Conversation c = opened();

        assertEquals(ConversationState.NEW, c.getState());
        assertEquals(Priority.NORMAL, c.getPriority());
        assertEquals("Where is my order?", c.getPreview());
        assertEquals(1, c.getInboundCount());
        assertEquals(T0, c.getOpenedAt());
        assertEquals(T0, c.getLastInboundAt());
        assertEquals(T0, c.getLastActivityAt());
        assertEquals(Optional.of(T0), c.getWaitingSince());
        assertEquals(Optional.empty(), c.getLastReplyAt());
        assertEquals(Optional.empty(), c.getDoneAt());
        assertEquals(Optional.empty(), c.getPublicationId());
        assertEquals(List.of(), c.getTags());
        assertEquals(at(1), c.getCreatedAt());
        assertEquals(3, c.getChannelId());
        assertEquals("thread-1", c.getThreadKey());
        assertEquals(InteractionKind.COMMENT, c.getKind());
        assertEquals(5, c.getContactId());
    }

    @Test
    void gesturesOpenNoConversation() {
        assertThrows(IllegalArgumentException.class, () -> new Conversation(3, "like-1", InteractionKind.LIKE, 5, null,
                "", "Ana", T0, T0));
        assertThrows(IllegalArgumentException.class, () -> new Conversation(3, "follow-1", InteractionKind.FOLLOW, 5,
                null, "", "Ana", T0, T0));
    }

    @Test
    void theFirstAnswerMakesItPendingAndSaysSinceWhenThePersonWaited() {
        Conversation c = opened();

        Optional<Instant> waited = c.answered(at(45));

        assertEquals(Optional.of(T0), waited);
        assertEquals(ConversationState.PENDING, c.getState());
        assertEquals(Optional.empty(), c.getWaitingSince());
        assertEquals(Optional.empty(), c.waitingFor(at(60)));
        assertEquals(Optional.of(at(45)), c.getLastReplyAt());
        assertEquals(at(45), c.getLastActivityAt());
    }

    @Test
    void aSecondAnswerInARowMeasuresNoWait() {
        Conversation c = opened();
        c.answered(at(45));

        assertEquals(Optional.empty(), c.answered(at(50)));
        assertEquals(ConversationState.PENDING, c.getState());
        assertEquals(Optional.of(at(50)), c.getLastReplyAt());
    }

    @Test
    void aWordSaidAfterTheAnswerMakesItNewAgainWaitingSinceThatWord() {
        Conversation c = opened();
        c.answered(at(45));

        c.heard("Thanks, but it still has not arrived", "Ana @ana", at(120));

        assertEquals(ConversationState.NEW, c.getState());
        assertEquals(Optional.of(at(120)), c.getWaitingSince());
        assertEquals("Thanks, but it still has not arrived", c.getPreview());
        assertEquals(2, c.getInboundCount());
        assertEquals(at(120), c.getLastInboundAt());
        assertEquals(at(120), c.getLastActivityAt());
        assertEquals(Optional.of(at(120)), c.answered(at(130)));
    }

    @Test
    void aWordSaidAfterTheAnswerReopensAClosedConversation() {
        Conversation c = opened();
        c.answered(at(45));
        c.done(at(50));

        c.heard("Hello again", "Ana @ana", at(300));

        assertEquals(ConversationState.NEW, c.getState());
        assertEquals(Optional.empty(), c.getDoneAt());
        assertEquals(Optional.of(at(300)), c.getWaitingSince());
    }

    @Test
    void aWordSaidBeforeItWasClosedButAfterTheAnswerReopensItWaitingSinceThatWord() {
        Conversation c = opened();
        c.answered(at(60));
        c.done(at(180));

        c.heard("One more thing", "Ana @ana", at(120));

        assertEquals(ConversationState.NEW, c.getState());
        assertEquals(Optional.empty(), c.getDoneAt());
        assertEquals(Optional.of(at(120)), c.getWaitingSince());
    }

    @Test
    void aWordOlderThanTheAnswerReportedLateDoesNotReopenIt() {
        Conversation c = opened();
        c.answered(at(60));

        c.heard("Also, the colour was wrong", "Ana @ana", at(30));

        assertEquals(ConversationState.PENDING, c.getState());
        assertEquals(Optional.empty(), c.getWaitingSince());
        assertEquals(2, c.getInboundCount());
        assertEquals("Also, the colour was wrong", c.getPreview());
        assertEquals(at(30), c.getLastInboundAt());
        assertEquals(at(60), c.getLastActivityAt());
    }

    @Test
    void aWordOlderThanTheAnswerReportedLateLeavesAClosedConversationClosed() {
        Conversation c = opened();
        c.answered(at(60));
        c.done(at(90));

        c.heard("Also, the colour was wrong", "Ana @ana", at(30));

        assertEquals(ConversationState.DONE, c.getState());
        assertEquals(Optional.of(at(90)), c.getDoneAt());
        assertEquals(Optional.empty(), c.getWaitingSince());
    }

    @Test
    void wordsReportedOutOfOrderKeepTheNewestAsPreviewAndTheEarliestAsTheWaitAndTheOpening() {
        Conversation c = new Conversation(3, "thread-1", InteractionKind.MESSAGE, 5, null, "second message", "Ana",
                at(10), at(11));

        c.heard("first message", "Ana", T0);

        assertEquals("second message", c.getPreview());
        assertEquals(Optional.of(T0), c.getWaitingSince());
        assertEquals(T0, c.getOpenedAt());
        assertEquals(at(10), c.getLastInboundAt());
        assertEquals(at(10), c.getLastActivityAt());
        assertEquals(2, c.getInboundCount());
        assertEquals(ConversationState.NEW, c.getState());
    }

    @Test
    void anAnswerOlderThanTheLatestWordLeavesThePersonWaiting() {
        Conversation c = opened();
        c.heard("Hello?", "Ana @ana", at(60));

        Optional<Instant> waited = c.answered(at(30));

        assertEquals(Optional.of(T0), waited);
        assertEquals(ConversationState.NEW, c.getState());
        assertEquals(Optional.of(T0), c.getWaitingSince());
        assertEquals(Optional.of(at(30)), c.getLastReplyAt());
        assertEquals(at(60), c.getLastActivityAt());
    }

    @Test
    void closingEndsTheWaitAndRemembersWhen() {
        Conversation c = opened();

        c.done(at(20));

        assertEquals(ConversationState.DONE, c.getState());
        assertEquals(Optional.of(at(20)), c.getDoneAt());
        assertEquals(Optional.empty(), c.getWaitingSince());
        assertEquals(Optional.empty(), c.waitingFor(at(30)));
    }

    @Test
    void anAnswerAfterClosingLeavesItClosed() {
        Conversation c = opened();
        c.done(at(20));

        assertEquals(Optional.empty(), c.answered(at(30)));
        assertEquals(ConversationState.DONE, c.getState());
        assertEquals(Optional.of(at(30)), c.getLastReplyAt());
    }

    @Test
    void reopeningWhenTheOtherSideSpokeLastMakesItNewWaitingSinceTheirLastWord() {
        Conversation c = opened();
        c.heard("Anyone there?", "Ana @ana", at(20));
        c.done(at(25));

        c.reopen();

        assertEquals(ConversationState.NEW, c.getState());
        assertEquals(Optional.empty(), c.getDoneAt());
        assertEquals(Optional.of(at(20)), c.getWaitingSince());
    }

    @Test
    void reopeningWhenTheClientAnsweredLastMakesItPending() {
        Conversation c = opened();
        c.answered(at(20));
        c.done(at(25));

        c.reopen();

        assertEquals(ConversationState.PENDING, c.getState());
        assertEquals(Optional.empty(), c.getDoneAt());
        assertEquals(Optional.empty(), c.getWaitingSince());
    }

    @Test
    void reopeningAConversationThatIsNotClosedChangesNothing() {
        Conversation waiting = opened();
        waiting.reopen();
        assertEquals(ConversationState.NEW, waiting.getState());
        assertEquals(Optional.of(T0), waiting.getWaitingSince());

        Conversation answered = opened();
        answered.answered(at(20));
        answered.heard("Older words", "Ana", at(10));
        answered.reopen();
        assertEquals(ConversationState.PENDING, answered.getState());
        assertEquals(Optional.empty(), answered.getWaitingSince());
    }

    @Test
    void thePreviewShowsTheWordsOnOneLine() {
        Conversation c = new Conversation(3, "t", InteractionKind.MENTION, 5, null, "  Hello\n\n  there\tfriend  ",
                "Ana", T0, T0);
        assertEquals("Hello there friend", c.getPreview());

        c.heard("\tSee\r\nyou ", "Ana", at(1));
        assertEquals("See you", c.getPreview());
    }

    @Test
    void thePreviewIsCutAtItsLength() {
        Conversation c = new Conversation(3, "t", InteractionKind.COMMENT, 5, null, "a".repeat(300), "Ana", T0, T0);

        assertEquals(Conversation.PREVIEW_LENGTH, c.getPreview().length());
        assertEquals("a".repeat(280), c.getPreview());
    }

    @Test
    void thePreviewIsNotCutInsideACharacterMadeOfTwoCodeUnits() {
        String emoji = "\uD83D\uDE00";
        Conversation split = new Conversation(3, "t", InteractionKind.COMMENT, 5, null, "a".repeat(279) + emoji + "b",
                "Ana", T0, T0);
        assertEquals("a".repeat(279), split.getPreview());

        Conversation fits = new Conversation(3, "t", InteractionKind.COMMENT, 5, null, "a".repeat(278) + emoji + "bbb",
                "Ana", T0, T0);
        assertEquals("a".repeat(278) + emoji, fits.getPreview());

        fits.heard("b" + emoji.repeat(200), "Ana", at(1));
        assertEquals("b" + emoji.repeat(139), fits.getPreview());
    }

    @Test
    void othersSeeWhoIsWritingAnAnswerUntilItExpires() {
        Conversation c = opened();
        c.replying(SAM, "Sam Owner", at(1));

        assertEquals(Optional.of("Sam Owner"), c.someoneElseReplying(ALEX, T0));
        assertEquals(Optional.of("Sam Owner"), c.someoneElseReplying(ALEX, at(1)));
        assertEquals(Optional.empty(), c.someoneElseReplying(ALEX, at(1).plusMillis(1)));
    }

    @Test
    void whoeverWritesDoesNotSeeThemselvesWriting() {
        Conversation c = opened();
        c.replying(SAM, "Sam Owner", at(1));

        assertEquals(Optional.empty(), c.someoneElseReplying(SAM, T0));
    }

    @Test
    void onlyTheWriterStopsTheirOwnWriting() {
        Conversation c = opened();
        c.replying(SAM, "Sam Owner", at(1));

        c.stoppedReplying(ALEX);
        assertEquals(Optional.of("Sam Owner"), c.someoneElseReplying(ALEX, T0));

        c.stoppedReplying(SAM);
        assertEquals(Optional.empty(), c.someoneElseReplying(ALEX, T0));
    }

    @Test
    void aRenewedWritingLastsUntilItsNewEnd() {
        Conversation c = opened();
        c.replying(SAM, "Sam Owner", at(1));
        c.replying(SAM, "Sam Owner", at(2));

        assertEquals(Optional.of("Sam Owner"), c.someoneElseReplying(ALEX, at(1).plusSeconds(30)));
    }

    @Test
    void nobodyWritingShowsNobody() {
        assertEquals(Optional.empty(), opened().someoneElseReplying(ALEX, T0));
    }

    @Test
    void tagsAreCleanedAndKeptOnceInTheOrderAdded() {
        Conversation c = opened();
        c.tag(" Billing ");
        c.tag("VIP");
        c.tag("billing");

        assertEquals(List.of("billing", "vip"), c.getTags());

        c.untag("VIP");
        assertEquals(List.of("billing"), c.getTags());
    }

    @Test
    void aBadTagIsRefused() {
        Conversation c = opened();
        assertThrows(RuleViolation.class, () -> c.tag("a,b"));
        assertEquals(List.of(), c.getTags());
    }

    @Test
    void aPriorityMustBeChosen() {
        Conversation c = opened();
        c.prioritize(Priority.URGENT);
        assertEquals(Priority.URGENT, c.getPriority());

        assertThrows(RuleViolation.class, () -> c.prioritize(null));
        assertEquals(Priority.URGENT, c.getPriority());
    }

    @Test
    void theWaitIsCountedFromSinceWhenThePersonWaitsAndNeverBelowZero() {
        Conversation c = opened();

        assertEquals(Optional.of(Duration.ofMinutes(90)), c.waitingFor(at(90)));
        assertEquals(Optional.of(Duration.ZERO), c.waitingFor(T0.minusSeconds(5)));
    }

    @Test
    void assigneeContactAndOwnPostCanChange() {
        Conversation c = opened();
        c.assign(42L);
        c.startedBy(6);
        c.answersPublication(99);

        assertEquals(42L, c.getAssigneeId());
        assertEquals(6, c.getContactId());
        assertEquals(Optional.of(99L), c.getPublicationId());

        c.assign(null);
        assertNull(c.getAssigneeId());
    }
}
