package app.herald.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.content.domain.Campaign;
import app.herald.content.domain.Post;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void aNameThatIsTooLongIsRefusedWithItsLengthNeverCut() {
        assertEquals("Acme", Text.name("A client's name", "  Acme ", 120));
        RuleViolation refused = assertThrows(RuleViolation.class, () -> Text.name("A client's name", "x".repeat(121), 120));
        assertEquals("A client's name has at most 120 characters; this one has 121.", refused.getMessage());
        assertEquals("A client's name is required.",
                assertThrows(RuleViolation.class, () -> Text.name("A client's name", " \t", 120)).getMessage());
        assertEquals(120, Text.name("A name", "😀".repeat(120), 120).codePointCount(0, 240),
                "characters are counted as people see them, not as UTF-16 units");
    }

    @Test
    void namesRefuseDirectionOverridesInvisibleAndControlCharacters() {
        for (String deceptive : new String[] {"invoice\u202Egnp.exe", "Ac\u200Bme", "Acme\u2066x\u2069", "Ac\u007Fme",
            "Ac\u0000me", "Acme\u200F", "\uFEFFAcme", "Ac\nme"}) {
            RuleViolation refused = assertThrows(RuleViolation.class, () -> Text.name("A campaign's name", deceptive, 120),
                    deceptive);
            assertTrue(refused.getMessage().contains("invisible or direction-changing"), refused.getMessage());
        }
        assertEquals("Café Ünïcode 東京 مقهى", Text.name("A name", "Café Ünïcode 東京 مقهى", 120),
                "letters of every script are fine");
    }

    @Test
    void longTextsKeepLineBreaksJoinersAndDirectionMarksButNotControlCharacters() {
        String family = "Hello\n\tworld 👨\u200D👩\u200D👧 \u200Fשלום";
        assertEquals(family, Text.body("A comment", family, 2000));
        assertThrows(RuleViolation.class, () -> Text.body("A comment", "bell\u0007", 2000));
        assertThrows(RuleViolation.class, () -> Text.body("A comment", "x".repeat(2001), 2000));
    }

    @Test
    void anUploadedFileNameLosesTheCharactersThatDisguiseIt() {
        assertEquals("invoicegnp.exe.png", Text.cleanFileName("invoice\u202Egnp.exe.png"));
        assertEquals("photo.jpg", Text.cleanFileName("\u200Bphoto\u0000.jpg "));
    }

    @Test
    void aPostsTextHasAGenerousLimitAndIsKeptAsWritten() {
        String text = "  Line one\n\nLine two  ";
        assertEquals(text, new Post("Title", text, 1, "A", Instant.EPOCH).getBaseText());
        new Post("Title", "x".repeat(Post.MAX_TEXT), 1, "A", Instant.EPOCH);
        RuleViolation refused = assertThrows(RuleViolation.class,
                () -> new Post("Title", "x".repeat(Post.MAX_TEXT + 1), 1, "A", Instant.EPOCH));
        assertEquals("A post's text has at most 100,000 characters; this one has 100,001.", refused.getMessage());
        assertThrows(RuleViolation.class, () -> new Post("Ti\u202Etle", "x", 1, "A", Instant.EPOCH));
    }

    @Test
    void aBudgetOutOfRangeIsRefusedNotClamped() {
        LocalDate day = LocalDate.of(2026, 12, 1);
        assertThrows(RuleViolation.class, () -> new Campaign("A", day, day, null, new BigDecimal("1e23"), "EUR", null,
                null, Instant.EPOCH));
        assertThrows(RuleViolation.class, () -> new Campaign("A", day, day, null, new BigDecimal("-0.01"), "EUR", null,
                null, Instant.EPOCH));
        assertEquals(new BigDecimal("1000000000.00"), new Campaign("A", day, day, null, new BigDecimal("1000000000"),
                "EUR", null, null, Instant.EPOCH).getBudget());
        assertThrows(RuleViolation.class, () -> new Campaign("A", day, day, "x".repeat(501), BigDecimal.ONE, "EUR", null,
                null, Instant.EPOCH), "a long goal is refused, not cut");
    }
}
