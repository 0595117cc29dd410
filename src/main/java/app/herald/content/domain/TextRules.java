package app.herald.content.domain;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts a post's text exactly as each network does, so that what Herald accepts the network accepts too.
 *
 * <ul>
 * <li>X: twitter-text's weighted length (configuration v3): the text is NFC-normalised; code points in the Latin and
 * common punctuation ranges weigh 1, all others 2; an emoji sequence weighs 2 whatever its code points; a link
 * weighs 23.</li>
 * <li>Bluesky: grapheme clusters (300) and UTF-8 bytes (3,000), the two limits of app.bsky.feed.post.</li>
 * <li>Mastodon: grapheme clusters, with each link counted as 23 and a remote mention {@code @user@domain} as
 * {@code @user}, as Mastodon's status length validator does.</li>
 * <li>Threads, LinkedIn, Instagram, Facebook and the Sandbox: Unicode code points (what their documentation calls
 * characters); Instagram also allows at most 30 hashtags and needs at least one image or video.</li>
 * </ul>
 */
public final class TextRules {

    private static final Pattern GRAPHEME = Pattern.compile("\\X");
    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"]+[^\\s<>\".,;:!?)\\]'’]");
    private static final Pattern REMOTE_MENTION = Pattern.compile("(?<![\\w@])(@[a-zA-Z0-9_]+)@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,}");
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&#])#[\\p{L}\\p{N}_]*\\p{L}[\\p{L}\\p{N}_]*");
    private static final String LINK_PLACEHOLDER = "x".repeat(Network.LINK_LENGTH);

    private TextRules() {
    }

    public static TextCheck check(Network network, String rawText, int mediaCount) {
        String text = rawText == null ? "" : rawText;
        List<String> problems = new ArrayList<>();
        int length = measure(network, text, network.maxLength(), problems);
        if (network == Network.INSTAGRAM) {
            int hashtags = hashtags(text);
            if (hashtags > Network.INSTAGRAM_MAX_HASHTAGS) {
                problems.add("Instagram allows " + Network.INSTAGRAM_MAX_HASHTAGS + " hashtags; this text has "
                        + hashtags + ".");
            }
            if (mediaCount < 1) {
                problems.add("Instagram needs at least one image or video.");
            }
        }
        if (text.isBlank() && mediaCount == 0) {
            problems.add("Write some text or attach media.");
        }
        return new TextCheck(network, length, network.maxLength(), unit(network), problems);
    }

    /**
     * An answer in a conversation (a reply, a comment under a comment, a message): counted the network's own way,
     * against its limit for answers, and never empty.
     */
    public static TextCheck checkReply(Network network, String rawText) {
        String text = rawText == null ? "" : rawText;
        List<String> problems = new ArrayList<>();
        if (network.maxReplyLength() == 0) {
            problems.add(network.label() + " channels take no answers.");
        }
        int length = measure(network, text, network.maxReplyLength(), problems);
        if (text.isBlank()) {
            problems.add("Write the answer.");
        }
        return new TextCheck(network, length, network.maxReplyLength(), unit(network), problems);
    }

    private static int measure(Network network, String text, int max, List<String> problems) {
        int length = switch (network) {
            case X -> weightedLength(text);
            case BLUESKY -> graphemes(text);
            case MASTODON -> graphemes(REMOTE_MENTION.matcher(LINK.matcher(text).replaceAll(LINK_PLACEHOLDER))
                    .replaceAll("$1"));
            default -> text.codePointCount(0, text.length());
        };
        if (length > max && max > 0) {
            problems.add(network.label() + " allows " + max + " " + unit(network) + "; this text has " + length
                    + ". Shorten it by " + (length - max) + ".");
        }
        if (network == Network.BLUESKY) {
            int bytes = text.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > Network.BLUESKY_MAX_BYTES) {
                problems.add("Bluesky allows " + Network.BLUESKY_MAX_BYTES + " bytes of text; this text takes " + bytes
                        + " (emoji and non-Latin letters take several bytes each).");
            }
        }
        return length;
    }

    private static String unit(Network network) {
        return switch (network) {
            case X -> "weighted characters";
            case BLUESKY, MASTODON -> "characters (graphemes)";
            default -> "characters";
        };
    }

    /** twitter-text's weighted length, in whole characters (its "scale" of 100 divided out). */
    static int weightedLength(String rawText) {
        String text = Normalizer.normalize(rawText, Normalizer.Form.NFC);
        int weight = 0;
        int position = 0;
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            weight += weightOfPlainText(text.substring(position, link.start()));
            weight += Network.LINK_LENGTH * 100;
            position = link.end();
        }
        weight += weightOfPlainText(text.substring(position));
        return weight / 100;
    }

    private static int weightOfPlainText(String text) {
        int weight = 0;
        Matcher cluster = GRAPHEME.matcher(text);
        while (cluster.find()) {
            String grapheme = cluster.group();
            if (isEmoji(grapheme)) {
                weight += 200;
            } else {
                weight += grapheme.codePoints().map(TextRules::codePointWeight).sum();
            }
        }
        return weight;
    }

    private static int codePointWeight(int cp) {
        boolean light = cp <= 4351 || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223)
                || (cp >= 8242 && cp <= 8247);
        return light ? 100 : 200;
    }

    /**
     * Emoji as twitter-text recognises them: pictographs (U+1F000 and up, the symbol and dingbat blocks), flags
     * (regional indicator pairs), keycaps and anything made an emoji by the variation selector U+FE0F.
     */
    static boolean isEmoji(String grapheme) {
        return grapheme.codePoints().anyMatch(cp -> (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF)
                || (cp >= 0x2B00 && cp <= 0x2BFF) || cp == 0xFE0F || cp == 0x20E3);
    }

    static int graphemes(String text) {
        Matcher cluster = GRAPHEME.matcher(text);
        int count = 0;
        while (cluster.find()) {
            count++;
        }
        return count;
    }

    static int hashtags(String text) {
        Matcher tag = HASHTAG.matcher(text);
        int count = 0;
        while (tag.find()) {
            count++;
        }
        return count;
    }
}
