package app.herald.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.herald.content.domain.PreviewText;
import app.herald.content.domain.PreviewText.Kind;
import app.herald.content.domain.PreviewText.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreviewTextTest {

    @Test
    void marksLinksHashtagsAndMentionsAndKeepsTheRestVerbatim() {
        List<Segment> segments = PreviewText.segments("Hi @alice@example.social, see https://a.co/x. #Coffee <b>!");
        assertEquals(List.of(new Segment(Kind.TEXT, "Hi "), new Segment(Kind.MENTION, "@alice@example.social"),
                new Segment(Kind.TEXT, ", see "), new Segment(Kind.LINK, "https://a.co/x"), new Segment(Kind.TEXT, ". "),
                new Segment(Kind.HASHTAG, "#Coffee"), new Segment(Kind.TEXT, " <b>!")), segments);
        assertEquals(String.join("", segments.stream().map(Segment::text).toList()),
                "Hi @alice@example.social, see https://a.co/x. #Coffee <b>!", "nothing is lost or added");
    }

    @Test
    void issueNumbersAndEmailAddressesAreNotTagsOrMentions() {
        assertEquals(List.of(new Segment(Kind.TEXT, "Issue #1 for bob@example.com")),
                PreviewText.segments("Issue #1 for bob@example.com"));
        assertEquals(List.of(), PreviewText.segments(null));
    }
}
