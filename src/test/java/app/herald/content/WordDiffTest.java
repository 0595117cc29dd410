package app.herald.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.content.domain.WordDiff;
import app.herald.content.domain.WordDiff.Change;
import app.herald.content.domain.WordDiff.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordDiffTest {

    @Test
    void showsTheWordsRemovedAndAdded() {
        List<Run> runs = WordDiff.between("Our blend is here, roasted in Berlin.", "Our blend is here, now 20% off.");
        assertEquals(List.of(new Run(Change.SAME, "Our blend is here, "), new Run(Change.ADDED, "now 20% off."),
                new Run(Change.REMOVED, "roasted in Berlin.")), runs);
        assertTrue(WordDiff.changed(runs));
    }

    @Test
    void identicalTextsHaveNoChangeAndVeryLongOnesAreComparedWhole() {
        assertFalse(WordDiff.changed(WordDiff.between("Same words", "Same words")));
        String longText = "word ".repeat(2000);
        assertEquals(2, WordDiff.between(longText, longText + "more").size());
        assertEquals(List.of(new Run(Change.ADDED, "new")), WordDiff.between("", "new"));
    }
}
