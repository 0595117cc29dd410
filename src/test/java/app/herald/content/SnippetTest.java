package app.herald.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.herald.content.domain.Snippet;
import app.herald.kernel.RuleViolation;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SnippetTest {

    @Test
    void hashtagGroupsHoldHashtagsOnly() {
        assertEquals("#coffee #autumn #café", new Snippet(Snippet.Kind.HASHTAGS, "Autumn", "coffee  #autumn\n#café",
                Instant.EPOCH).getBody());
        assertThrows(RuleViolation.class, () -> new Snippet(Snippet.Kind.HASHTAGS, "Bad", "#coffee, #tea", Instant.EPOCH));
        assertEquals("Thanks for reading!", new Snippet(Snippet.Kind.SNIPPET, "Sign-off", " Thanks for reading! ",
                Instant.EPOCH).getBody());
        assertThrows(RuleViolation.class, () -> new Snippet(Snippet.Kind.SNIPPET, " ", "x", Instant.EPOCH));
        assertThrows(RuleViolation.class, () -> new Snippet(Snippet.Kind.SNIPPET, "Long", "x".repeat(2001), Instant.EPOCH));
    }
}
