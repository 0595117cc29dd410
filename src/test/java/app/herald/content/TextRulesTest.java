package app.herald.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.content.domain.Network;
import app.herald.content.domain.TextCheck;
import app.herald.content.domain.TextRules;
import org.junit.jupiter.api.Test;

/** Each network's counting, with the kinds of examples the networks publish: emoji, CJK, links, combining marks. */
class TextRulesTest {

    private static int length(Network network, String text) {
        return TextRules.check(network, text, 1).length();
    }

    @Test
    void xWeighsLatinAsOneAndCjkAndEmojiAsTwo() {
        assertEquals(280, length(Network.X, "a".repeat(280)));
        assertTrue(TextRules.check(Network.X, "a".repeat(280), 0).isValid());
        assertFalse(TextRules.check(Network.X, "a".repeat(281), 0).isValid());
        assertEquals(4, length(Network.X, "你好"));
        assertEquals(280, length(Network.X, "日".repeat(140)));
        assertFalse(TextRules.check(Network.X, "日".repeat(141), 0).isValid(), "141 CJK characters weigh 282");
        assertEquals(6, length(Network.X, "한국어"));
        assertEquals(2, length(Network.X, "😀"));
        assertEquals(2, length(Network.X, "👨‍👩‍👧‍👦"), "a ZWJ family is one emoji");
        assertEquals(2, length(Network.X, "🇩🇪"), "a flag is one emoji");
        assertEquals(2, length(Network.X, "👍🏽"), "a skin tone modifier joins its emoji");
        assertEquals(2, length(Network.X, "1️⃣"), "a keycap is one emoji");
        assertEquals(3, length(Network.X, "Hi!"));
        assertEquals(1, length(Network.X, "\u2014"), "an em dash is in a light range");
    }

    @Test
    void xCountsCombiningMarksAfterNormalisation() {
        assertEquals(1, length(Network.X, "e\u0301"), "e + combining acute normalises to é");
        assertEquals(4, length(Network.X, "cafe\u0301"), "café");
    }

    @Test
    void xAndMastodonCountEveryLinkAs23() {
        assertEquals(23, length(Network.X, "https://example.com/a/very/long/path/that/goes/on?and=on#for-ever"));
        assertEquals(6 + 23, length(Network.X, "Read: https://a.co"));
        assertEquals(6 + 23 + 1, length(Network.X, "Read: https://a.co."), "trailing punctuation is not part of the link");
        assertEquals(23 + 5 + 23, length(Network.MASTODON, "http://example.org/x and www.example.net/path"));
        assertEquals(500, length(Network.MASTODON, "b".repeat(476) + " https://example.com/" + "p".repeat(300)));
    }

    @Test
    void mastodonCountsRemoteMentionsByTheirUserPartAndGraphemes() {
        assertEquals(6, length(Network.MASTODON, "@alice@example.social"));
        assertEquals(6 + 1 + 4, length(Network.MASTODON, "@alice@example.social @bob"));
        assertEquals(1, length(Network.MASTODON, "👨‍👩‍👧‍👦"));
        assertTrue(TextRules.check(Network.MASTODON, "é".repeat(500), 0).isValid());
        assertFalse(TextRules.check(Network.MASTODON, "é".repeat(501), 0).isValid());
    }

    @Test
    void blueskyLimitsGraphemesAndBytes() {
        assertEquals(1, length(Network.BLUESKY, "👨‍👩‍👧‍👦"));
        assertTrue(TextRules.check(Network.BLUESKY, "a".repeat(300), 0).isValid());
        assertFalse(TextRules.check(Network.BLUESKY, "a".repeat(301), 0).isValid());
        TextCheck families = TextRules.check(Network.BLUESKY, "👨‍👩‍👧‍👦".repeat(121), 0);
        assertEquals(121, families.length(), "well under 300 graphemes");
        assertFalse(families.isValid(), "but 121 x 25 bytes exceed 3,000");
        assertTrue(families.problems().get(0).contains("3000 bytes"), families.problems().toString());
    }

    @Test
    void otherNetworksCountCodePoints() {
        assertEquals(2, length(Network.LINKEDIN, "👍🏽"));
        assertTrue(TextRules.check(Network.THREADS, "x".repeat(500), 0).isValid());
        assertFalse(TextRules.check(Network.THREADS, "x".repeat(501), 0).isValid());
        assertTrue(TextRules.check(Network.LINKEDIN, "x".repeat(3000), 0).isValid());
        assertFalse(TextRules.check(Network.LINKEDIN, "x".repeat(3001), 0).isValid());
        assertTrue(TextRules.check(Network.FACEBOOK, "x".repeat(63_206), 0).isValid());
        assertFalse(TextRules.check(Network.FACEBOOK, "x".repeat(63_207), 0).isValid());
    }

    @Test
    void instagramNeedsMediaAndAtMost30Hashtags() {
        StringBuilder thirty = new StringBuilder("Autumn menu");
        for (int i = 0; i < 30; i++) {
            thirty.append(" #tag").append(i);
        }
        assertTrue(TextRules.check(Network.INSTAGRAM, thirty.toString(), 1).isValid());
        TextCheck tooMany = TextRules.check(Network.INSTAGRAM, thirty + " #one_more", 1);
        assertEquals(1, tooMany.problems().size());
        assertTrue(tooMany.problems().get(0).contains("31"), tooMany.problems().toString());
        TextCheck noImage = TextRules.check(Network.INSTAGRAM, "Nice", 0);
        assertTrue(noImage.problems().contains("Instagram needs at least one image or video."));
        assertTrue(TextRules.check(Network.INSTAGRAM, "Issue #1 and C# and &#39; are no hashtags #ok", 1).isValid());
        assertFalse(TextRules.check(Network.INSTAGRAM, "x".repeat(2201), 1).isValid());
    }

    @Test
    void anEmptyVariantIsRefusedWithAReason() {
        TextCheck empty = TextRules.check(Network.MASTODON, "   ", 0);
        assertFalse(empty.isValid());
        assertEquals(1, empty.problems().size());
        assertTrue(TextRules.check(Network.MASTODON, "", 1).isValid(), "media alone is a post");
    }

    @Test
    void theMessageSaysHowMuchToCut() {
        TextCheck over = TextRules.check(Network.X, "a".repeat(290), 0);
        assertEquals(-10, over.remaining());
        assertEquals("X allows 280 weighted characters; this text has 290. Shorten it by 10.", over.problems().get(0));
    }
}
