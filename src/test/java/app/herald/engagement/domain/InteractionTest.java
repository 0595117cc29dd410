package app.herald.engagement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.publishing.domain.Incoming;
import app.herald.publishing.domain.InteractionKind;
import app.herald.publishing.domain.Moderation;
import app.herald.publishing.domain.Person;
import app.herald.publishing.domain.ReplyTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One item that came in: kept as the network sent it, updated by later readings, moderated with the network. */
class InteractionTest {

    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    private static final Person ANA = new Person("did:plc:ana", "ana.bsky.social", "Ana Silva", null, null);
    private static final ReplyTarget TARGET = new ReplyTarget("at://ana/1",
            Map.of("rootUri", "at://acme/post", "rootCid", "bafy123"));

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private static Incoming comment(String text, boolean deleted, Instant editedAt) {
        return new Incoming("at://ana/1", InteractionKind.COMMENT, ANA, text, "pt-BR", "https://bsky.app/ana/1", null,
                "at://acme/post", null, TARGET, null, T0, false, deleted, editedAt);
    }

    private static Interaction kept(String text) {
        return new Interaction(3, comment(text, false, null), 5, 6, 11L, at(1));
    }

    @Test
    void anItemIsKeptAsTheNetworkReportedIt() {
        Interaction i = kept("  Where is my order?  ");

        assertEquals(3, i.getChannelId());
        assertEquals("at://ana/1", i.getNetworkItemId());
        assertEquals(InteractionKind.COMMENT, i.getKind());
        assertEquals(11L, i.getConversationId());
        assertEquals(5, i.getContactId());
        assertEquals(6, i.getIdentityId());
        assertEquals("Where is my order?", i.getBody());
        assertEquals("pt-BR", i.getLanguage());
        assertEquals("https://bsky.app/ana/1", i.getNetworkUrl());
        assertEquals(Optional.of("at://acme/post"), i.getParentItemId());
        assertEquals(Optional.empty(), i.getSubjectItemId());
        assertEquals(T0, i.getOccurredAt());
        assertEquals(at(1), i.getReceivedAt());
        assertEquals(Optional.empty(), i.getEditedAt());
        assertFalse(i.isDeleted());
        assertFalse(i.isHidden());
        assertFalse(i.isLiked());
        assertTrue(i.isAnswerable());
    }

    @Test
    void theReplyTargetComesBackWithItsReferences() {
        assertEquals(Optional.of(TARGET), kept("hi").replyTarget());
        assertEquals(TARGET, Interaction.target(Interaction.json(TARGET)));
        assertEquals(ReplyTarget.of("x"), Interaction.target(Interaction.json(ReplyTarget.of("x"))));
    }

    @Test
    void aGestureHasNoReplyTargetAndCannotBeAnswered() {
        Incoming like = new Incoming("like-1", InteractionKind.LIKE, ANA, null, null, null, null, null, null, null,
                "at://acme/post", T0, false, false, null);
        Interaction i = new Interaction(3, like, 5, 6, null, T0);

        assertEquals("", i.getBody());
        assertEquals(Optional.empty(), i.replyTarget());
        assertEquals(Optional.of("at://acme/post"), i.getSubjectItemId());
        assertEquals(Optional.empty(), i.getParentItemId());
        assertNull(i.getConversationId());
        assertFalse(i.isAnswerable());
    }

    @Test
    void anItemReportedDeletedIsKeptDeleted() {
        Interaction i = new Interaction(3, comment("gone", true, null), 5, 6, 11L, at(1));

        assertTrue(i.isDeleted());
        assertFalse(i.isAnswerable());
    }

    @Test
    void aTextUpToTheLimitIsKeptWhole() {
        String text = "a".repeat(Interaction.MAX_TEXT);

        assertEquals(text, Interaction.kept(text));
        assertEquals("", Interaction.kept(null));
    }

    @Test
    void aLongerTextKeepsItsBeginningWithANote() {
        String text = "a".repeat(Interaction.MAX_TEXT) + "b".repeat(500);

        String kept = Interaction.kept(text);

        assertTrue(kept.startsWith("a".repeat(Interaction.MAX_TEXT) + System.lineSeparator() + "[Herald kept the first "),
                kept.substring(Interaction.MAX_TEXT));
        assertFalse(kept.contains("b"));
        assertTrue(kept.endsWith(" characters.]"), kept.substring(Interaction.MAX_TEXT));
    }

    @Test
    void aLongTextIsNotCutInsideACharacterMadeOfTwoCodeUnits() {
        String text = "a".repeat(Interaction.MAX_TEXT - 1) + "\uD83D\uDE00" + "b".repeat(10);

        String kept = Interaction.kept(text);

        assertTrue(kept.startsWith("a".repeat(Interaction.MAX_TEXT - 1) + System.lineSeparator()),
                kept.substring(Interaction.MAX_TEXT - 5));
    }

    @Test
    void readingTheSameItemAgainChangesNothing() {
        Interaction i = kept("Where is my order?");

        assertFalse(i.update(comment("Where is my order?", false, null), at(5)));
        assertEquals(Optional.empty(), i.getEditedAt());
    }

    @Test
    void newWordsAreAnEditAtTheTimeTheNetworkGives() {
        Interaction i = kept("Where is my order?");

        assertTrue(i.update(comment("Where is my order #4417?", false, at(3)), at(5)));

        assertEquals("Where is my order #4417?", i.getBody());
        assertEquals(Optional.of(at(3)), i.getEditedAt());
    }

    @Test
    void newWordsWithoutAnEditTimeAreAnEditNow() {
        Interaction i = kept("Where is my order?");

        assertTrue(i.update(comment("Where is it?", false, null), at(5)));

        assertEquals(Optional.of(at(5)), i.getEditedAt());
    }

    @Test
    void emptyWordsDoNotEraseWhatWasSaid() {
        Interaction i = kept("Where is my order?");

        assertFalse(i.update(comment("   ", false, null), at(5)));
        assertEquals("Where is my order?", i.getBody());
    }

    @Test
    void aDeletionIsReportedOnceAndKeepsTheWords() {
        Interaction i = kept("Where is my order?");

        assertTrue(i.update(comment("", true, null), at(5)));
        assertTrue(i.isDeleted());
        assertEquals("Where is my order?", i.getBody());
        assertFalse(i.isAnswerable());

        assertFalse(i.update(comment("", true, null), at(6)));
    }

    @Test
    void aModerationOnTheNetworkShowsAtOnceAndStaysPendingUntilTheNetworkDidIt() {
        Interaction i = kept("spam");

        i.moderate(Moderation.HIDE, true, at(5));
        assertTrue(i.isHidden());
        assertEquals(Optional.of(Moderation.HIDE), i.getPendingModeration());

        i.moderated(Moderation.LIKE);
        assertEquals(Optional.of(Moderation.HIDE), i.getPendingModeration());

        i.moderated(Moderation.HIDE);
        assertEquals(Optional.empty(), i.getPendingModeration());
        assertTrue(i.isHidden());
    }

    @Test
    void aModerationOnlyInHeraldIsNotPending() {
        Interaction i = kept("nice");

        i.moderate(Moderation.LIKE, false, at(5));

        assertTrue(i.isLiked());
        assertEquals(Optional.empty(), i.getPendingModeration());
    }

    @Test
    void aRefusalUndoesTheModerationAndSaysWhy() {
        Interaction i = kept("spam");
        i.moderate(Moderation.HIDE, true, at(5));

        i.notModerated(Moderation.HIDE, "Not your post.");

        assertFalse(i.isHidden());
        assertEquals(Optional.empty(), i.getPendingModeration());
        assertEquals(Optional.of("Hide failed: Not your post."), i.getModerationProblem());
    }

    @Test
    void aRefusedDeletionBringsTheItemBack() {
        Interaction i = kept("spam");
        i.moderate(Moderation.DELETE, true, at(5));
        assertTrue(i.isDeleted());
        assertFalse(i.isAnswerable());

        i.notModerated(Moderation.DELETE, "Too old.");

        assertFalse(i.isDeleted());
        assertTrue(i.isAnswerable());
        assertEquals(Optional.of("Delete failed: Too old."), i.getModerationProblem());
    }

    @Test
    void showingAgainAndItsRefusal() {
        Interaction i = kept("ok after all");
        i.moderate(Moderation.HIDE, false, at(5));

        i.moderate(Moderation.UNHIDE, true, at(6));
        assertFalse(i.isHidden());

        i.notModerated(Moderation.UNHIDE, "Rate limited.");
        assertTrue(i.isHidden());
        assertEquals(Optional.of("Show again failed: Rate limited."), i.getModerationProblem());
    }

    @Test
    void aNewModerationClearsAnEarlierProblem() {
        Interaction i = kept("nice");
        i.moderate(Moderation.LIKE, true, at(5));
        i.notModerated(Moderation.LIKE, "Rate limited.");
        assertFalse(i.isLiked());

        i.moderate(Moderation.LIKE, true, at(6));

        assertTrue(i.isLiked());
        assertEquals(Optional.empty(), i.getModerationProblem());
    }

    @Test
    void aLongRefusalIsCut() {
        Interaction i = kept("spam");
        i.moderate(Moderation.HIDE, true, at(5));

        i.notModerated(Moderation.HIDE, "x".repeat(2000));

        assertEquals(1000, i.getModerationProblem().orElseThrow().length());
    }

    @Test
    void itMovesWithItsContact() {
        Interaction i = kept("hi");
        i.belongsTo(42);

        assertEquals(42, i.getContactId());
    }
}
