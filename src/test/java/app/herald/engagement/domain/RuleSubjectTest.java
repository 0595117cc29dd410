package app.herald.engagement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.herald.content.domain.Network;
import app.herald.publishing.domain.InteractionKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a rule looks at: an item without words has empty text, and the author's tags are its own copy. */
class RuleSubjectTest {

    @Test
    void noTextIsEmptyText() {
        RuleSubject like = new RuleSubject(null, Network.BLUESKY, 3, InteractionKind.LIKE, List.of(), false, null);

        assertEquals("", like.text());
    }

    @Test
    void theAuthorsTagsAreCopied() {
        List<String> tags = new ArrayList<>(List.of("vip"));
        RuleSubject item = new RuleSubject("hi", Network.BLUESKY, 3, InteractionKind.COMMENT, tags, true, "en");
        tags.add("billing");

        assertEquals(List.of("vip"), item.authorTags());
    }
}
