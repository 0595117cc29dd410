package app.herald.publishing.infrastructure;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a post's text with what a network shows of it, for lookups: networks re-render text (HTML, escaped
 * entities, shortened links, collapsed line breaks), so an exact comparison would miss the post it is looking for.
 */
final class PostText {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos|nbsp);");

    private PostText() {
    }

    /** Whitespace runs as one space, trimmed, in one Unicode normal form. */
    static String normalized(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
    }

    static boolean same(String shown, String written) {
        return normalized(shown).equals(normalized(written));
    }

    /** For networks that rewrite links (X's t.co): the words around them must still match. */
    static String withoutLinks(String text) {
        return LINK.matcher(text == null ? "" : text).replaceAll(" ");
    }

    /** The text of a status rendered as HTML, with paragraphs and line breaks kept as whitespace. */
    static String fromHtml(String html) {
        String text = (html == null ? "" : html).replaceAll("(?i)<br\\s*/?>|</p>", "\n").replaceAll("<[^>]*>", "");
        return unescape(text);
    }

    static String unescape(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = switch (name) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> codePoint(name.startsWith("#x")
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1)), m.group());
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String codePoint(int value, String entity) {
        return Character.isValidCodePoint(value) ? new String(Character.toChars(value)) : entity;
    }
}
