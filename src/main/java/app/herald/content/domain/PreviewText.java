package app.herald.content.domain;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a variant's text into plain runs, links, hashtags and mentions, so that the preview can show them as the
 * network will, with every run still escaped by the page (no HTML is ever built from user text).
 */
public final class PreviewText {

    public enum Kind { TEXT, LINK, HASHTAG, MENTION }

    public record Segment(Kind kind, String text) implements Serializable {

        public String getStyleClass() {
            return "herald-preview-" + kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final Pattern TOKENS = Pattern.compile(
            "(?<link>\\b(?i:https?://|www\\.)[^\\s<>\"]+[^\\s<>\".,;:!?)\\]'’])"
                    + "|(?<tag>(?<![\\p{L}\\p{N}_&#])#[\\p{L}\\p{N}_]*\\p{L}[\\p{L}\\p{N}_]*)"
                    + "|(?<mention>(?<![\\w@])@[\\w.]+(?:@[\\w-]+(?:\\.[\\w-]+)+)?)");

    private PreviewText() {
    }

    public static List<Segment> segments(String text) {
        List<Segment> segments = new ArrayList<>();
        if (text == null) {
            return segments;
        }
        Matcher m = TOKENS.matcher(text);
        int position = 0;
        while (m.find()) {
            if (m.start() > position) {
                segments.add(new Segment(Kind.TEXT, text.substring(position, m.start())));
            }
            Kind kind = m.group("link") != null ? Kind.LINK : m.group("tag") != null ? Kind.HASHTAG : Kind.MENTION;
            segments.add(new Segment(kind, m.group()));
            position = m.end();
        }
        if (position < text.length()) {
            segments.add(new Segment(Kind.TEXT, text.substring(position)));
        }
        return segments;
    }
}
