package app.herald.publishing.infrastructure;

import static app.herald.kernel.JsonSupport.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bluesky shows links, mentions and hashtags only where the post carries a facet for them: app.bsky.richtext.facet,
 * whose index counts UTF-8 bytes, not characters, so text with accents or emoji before a link still points at it.
 * The patterns follow Bluesky's own guide to detecting facets.
 */
final class BlueskyFacets {

    private static final Pattern LINK = Pattern.compile("(?:^|[\\s(])(https?://[^\\s<>\"]+)");
    private static final Pattern MENTION = Pattern.compile(
            "(?:^|[\\s(])(@((?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+[a-zA-Z](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?))");
    private static final Pattern TAG = Pattern.compile("(?:^|\\s)([#＃]([\\p{L}\\p{M}\\p{N}_]{1,64}))");
    private static final String TRAILING_PUNCTUATION = ".,;:!?'\"";
    private static final String FACET = "app.bsky.richtext.facet";

    private BlueskyFacets() {
    }

    /** Whether the text mentions a handle, which the PDS is asked to resolve before the post is made. */
    static boolean mentionsSomeone(String text) {
        return MENTION.matcher(text).find();
    }

    /**
     * The facets of a post's text. {@code didOf} resolves a mentioned handle; a mention that does not resolve stays
     * plain text, as it does in Bluesky's own app.
     */
    static JsonArray of(String text, Function<String, Optional<String>> didOf) {
        JsonArrayBuilder facets = JSON.createArrayBuilder();
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            int end = trimmedEnd(text, link.start(1), link.end(1));
            String uri = text.substring(link.start(1), end);
            facets.add(facet(text, link.start(1), end, JSON.createObjectBuilder()
                    .add("$type", FACET + "#link").add("uri", uri).build()));
        }
        Matcher mention = MENTION.matcher(text);
        while (mention.find()) {
            Optional<String> did = didOf.apply(mention.group(2).toLowerCase(java.util.Locale.ROOT));
            if (did.isPresent()) {
                facets.add(facet(text, mention.start(1), mention.end(1), JSON.createObjectBuilder()
                        .add("$type", FACET + "#mention").add("did", did.get()).build()));
            }
        }
        Matcher tag = TAG.matcher(text);
        while (tag.find()) {
            // A tag of digits only ("#1") is a number, not a hashtag.
            if (!tag.group(2).matches("\\d+")) {
                facets.add(facet(text, tag.start(1), tag.end(1), JSON.createObjectBuilder()
                        .add("$type", FACET + "#tag").add("tag", tag.group(2)).build()));
            }
        }
        return facets.build();
    }

    /** A link ends before the punctuation that ends its sentence, and before a closing parenthesis it did not open. */
    private static int trimmedEnd(String text, int start, int end) {
        while (end > start) {
            char last = text.charAt(end - 1);
            if (TRAILING_PUNCTUATION.indexOf(last) >= 0
                    || last == ')' && text.substring(start, end).chars().filter(c -> c == '(').count()
                    < text.substring(start, end).chars().filter(c -> c == ')').count()) {
                end--;
            } else {
                break;
            }
        }
        return end;
    }

    private static JsonObject facet(String text, int start, int end, JsonObject feature) {
        return JSON.createObjectBuilder()
                .add("index", JSON.createObjectBuilder()
                        .add("byteStart", utf8Length(text.substring(0, start)))
                        .add("byteEnd", utf8Length(text.substring(0, end))))
                .add("features", JSON.createArrayBuilder().add(feature))
                .build();
    }

    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
