package app.herald.tracking.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Finding links in a post, replacing them, tagging them with UTM parameters and adding the click token. */
class LinksTest {

    private static List<String> in(String text) {
        return List.copyOf(Links.in(text));
    }

    @Test
    @DisplayName("Links are found in order of appearance, each once")
    void findsDistinctLinksInOrder() {
        assertEquals(List.of("https://example.com/b", "http://example.org/a?x=1"),
                in("First https://example.com/b then http://example.org/a?x=1 and again https://example.com/b"));
        assertEquals(Set.of(), Links.in("no links here, just example.com and ftp://example.com/file"));
        assertEquals(Set.of(), Links.in(null));
    }

    @Test
    @DisplayName("Punctuation ending a sentence is not part of the link")
    void trailingPunctuation() {
        assertEquals(List.of("https://example.com/a"), in("see https://example.com/a."));
        assertEquals(List.of("https://example.com/a"), in("see https://example.com/a!"));
        assertEquals(List.of("https://example.com/a"), in("see https://example.com/a?!"));
        assertEquals(List.of("https://example.com/a", "https://example.com/b"),
                in("https://example.com/a, https://example.com/b;"));
        assertEquals(List.of("https://example.com/a"), in("'https://example.com/a'"));
        assertEquals(List.of("https://example.com/a?q=1"), in("look: https://example.com/a?q=1..."));
    }

    @Test
    @DisplayName("A link in parentheses does not take the closing parenthesis")
    void parentheses() {
        assertEquals(List.of("https://example.com/a"), in("(see https://example.com/a)"));
        assertEquals(List.of("https://example.com/a"), in("(see https://example.com/a)."));
    }

    @Test
    @DisplayName("A Wikipedia-style link keeps its own closing parenthesis")
    void wikipediaStyleLink() {
        assertEquals(List.of("https://en.wikipedia.org/wiki/Herald_(newspaper)"),
                in("read https://en.wikipedia.org/wiki/Herald_(newspaper)."));
        assertEquals(List.of("https://en.wikipedia.org/wiki/Herald_(newspaper)"),
                in("(read https://en.wikipedia.org/wiki/Herald_(newspaper))"),
                "the second ')' closes the sentence's parenthesis, not the link's");
        assertEquals(List.of("https://example.com/a_(b)"), in("(see https://example.com/a_(b)))."));
        assertEquals("(read https://hrld.io/1)", Links.replace("(read https://en.wikipedia.org/wiki/Herald_(newspaper))",
                url -> url.equals("https://en.wikipedia.org/wiki/Herald_(newspaper)") ? "https://hrld.io/1" : "WRONG"));
    }

    @Test
    @DisplayName("Invalid URLs are ignored")
    void invalidUrlsIgnored() {
        // no host (underscore makes it a registry authority), a bad percent escape, an unclosed IPv6 literal,
        // an illegal character
        assertEquals(List.of("https://ok.example.com/"),
                in("http://exa_mple.com/x https://ex%zzample.com/ http://[::1/x https://example.com/a|b "
                        + "https://ok.example.com/"));
        assertEquals(Set.of(), Links.in("https://."));
    }

    @Test
    @DisplayName("replace() swaps each link and keeps the surrounding text and punctuation")
    void replaceKeepsSurroundingText() {
        assertEquals("Read https://hrld.io/1. And (https://hrld.io/2)!",
                Links.replace("Read https://example.com/a. And (https://example.com/b)!",
                        url -> url.endsWith("/a") ? "https://hrld.io/1" : "https://hrld.io/2"));
    }

    @Test
    @DisplayName("replace() leaves invalid links and text without links as they are")
    void replaceLeavesInvalidLinks() {
        assertEquals("bad http://exa_mple.com/x and good X.",
                Links.replace("bad http://exa_mple.com/x and good https://example.com/a.", url -> "X"));
        assertEquals("nothing to do", Links.replace("nothing to do", url -> "X"));
        assertEquals("cost $5 at https://shop.example.com/\\$1",
                Links.replace("cost $5 at https://example.com/", url -> "https://shop.example.com/\\$1"),
                "a replacement is inserted literally, not as a regex replacement");
    }

    @Test
    @DisplayName("tagged() adds source (lower-case network), medium, campaign and content")
    void taggedAddsUtm() {
        assertEquals("https://example.com/a?utm_source=linkedin&utm_medium=social&utm_campaign=spring-sale"
                + "&utm_content=post-42", Links.tagged("https://example.com/a", "LINKEDIN", "spring-sale", 42));
    }

    @Test
    @DisplayName("tagged() leaves utm_campaign out without a campaign")
    void taggedWithoutCampaign() {
        assertEquals("https://example.com/a?utm_source=mastodon&utm_medium=social&utm_content=post-7",
                Links.tagged("https://example.com/a", "Mastodon", null, 7));
        assertEquals("https://example.com/a?utm_source=mastodon&utm_medium=social&utm_content=post-7",
                Links.tagged("https://example.com/a", "Mastodon", "  ", 7));
    }

    @Test
    @DisplayName("tagged() keeps the existing query and fragment")
    void taggedKeepsQueryAndFragment() {
        assertEquals("https://example.com/a?x=1&y=two&utm_source=bluesky&utm_medium=social&utm_content=post-3#top",
                Links.tagged("https://example.com/a?x=1&y=two#top", "BLUESKY", null, 3));
        assertEquals("https://example.com/a?utm_source=bluesky&utm_medium=social&utm_content=post-3#section-2",
                Links.tagged("https://example.com/a#section-2", "BLUESKY", null, 3));
    }

    @Test
    @DisplayName("tagged() does not override UTM parameters the author set")
    void taggedKeepsAuthorsUtm() {
        assertEquals("https://example.com/a?utm_source=newsletter&x=1&utm_medium=social&utm_campaign=spring"
                        + "&utm_content=post-9",
                Links.tagged("https://example.com/a?utm_source=newsletter&x=1", "FACEBOOK", "spring", 9));
        assertEquals("https://example.com/a?x=1&utm_campaign=mine&utm_source=facebook&utm_medium=social"
                        + "&utm_content=post-9",
                Links.tagged("https://example.com/a?x=1&utm_campaign=mine", "FACEBOOK", "spring", 9));
        assertEquals("https://example.com/a?utm_source=a&utm_medium=b&utm_campaign=c&utm_content=d",
                Links.tagged("https://example.com/a?utm_source=a&utm_medium=b&utm_campaign=c&utm_content=d",
                        "FACEBOOK", "spring", 9), "nothing left to add");
    }

    @Test
    @DisplayName("tagged() does not mistake a parameter ending in utm_source for utm_source")
    void taggedMatchesWholeParameterNames() {
        assertEquals("https://example.com/a?xutm_source=1&utm_source=x&utm_medium=social&utm_content=post-1",
                Links.tagged("https://example.com/a?xutm_source=1", "X", null, 1));
    }

    @Test
    @DisplayName("tagged() URL-encodes the values")
    void taggedEncodesValues() {
        // space -> +, & -> %26, é -> %C3%A9 (UTF-8)
        assertEquals("https://example.com/?utm_source=x&utm_medium=social&utm_campaign=Spring+Sale+%26+more+%C3%A9t%C3%A9"
                + "&utm_content=post-5", Links.tagged("https://example.com/", "X", "Spring Sale & more été", 5));
    }

    @Test
    @DisplayName("withClickToken() adds hclid to the query, before any fragment")
    void withClickToken() {
        assertEquals("https://example.com/a?hclid=tok123", Links.withClickToken("https://example.com/a", "tok123"));
        assertEquals("https://example.com/a?x=1&hclid=tok123",
                Links.withClickToken("https://example.com/a?x=1", "tok123"));
        assertEquals("https://example.com/a?x=1&hclid=tok123#top",
                Links.withClickToken("https://example.com/a?x=1#top", "tok123"));
        assertEquals("https://example.com/a?hclid=tok123#top",
                Links.withClickToken("https://example.com/a#top", "tok123"));
    }
}
