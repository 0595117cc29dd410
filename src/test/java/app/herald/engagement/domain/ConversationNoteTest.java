package app.herald.engagement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.herald.kernel.RuleViolation;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An internal note: a checked text of several lines, with the colleagues it mentions. */
class ConversationNoteTest {

    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

    @Test
    void aNoteKeepsItsLinesAndWhomItMentions() {
        ConversationNote note = new ConversationNote(11, 1, "Sam Owner", "  @alex can you check?\nOrder 4417  ",
                Set.of(4L, 2L), NOW);

        assertEquals(11, note.getConversationId());
        assertEquals("Sam Owner", note.getAuthorName());
        assertEquals("@alex can you check?\nOrder 4417", note.getBody());
        assertEquals(Set.of(2L, 4L), note.getMentioned());
        assertEquals(NOW, note.getCreatedAt());
    }

    @Test
    void aNoteMayMentionNobody() {
        assertEquals(Set.of(), new ConversationNote(11, 1, "Sam", "Checked.", Set.of(), NOW).getMentioned());
    }

    @Test
    void anEmptyLongOrControlCharacterNoteIsRefused() {
        assertThrows(RuleViolation.class, () -> new ConversationNote(11, 1, "Sam", "  ", Set.of(), NOW));
        assertThrows(RuleViolation.class, () -> new ConversationNote(11, 1, "Sam", null, Set.of(), NOW));
        assertThrows(RuleViolation.class,
                () -> new ConversationNote(11, 1, "Sam", "x".repeat(ConversationNote.MAX_LENGTH + 1), Set.of(), NOW));
        assertThrows(RuleViolation.class, () -> new ConversationNote(11, 1, "Sam", "bell\u0007", Set.of(), NOW));
        assertEquals(ConversationNote.MAX_LENGTH, new ConversationNote(11, 1, "Sam",
                "x".repeat(ConversationNote.MAX_LENGTH), Set.of(), NOW).getBody().length());
    }
}
