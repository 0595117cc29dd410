package app.herald.engagement.domain;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A saved reply's text with its variables filled in for one conversation: {@code {first_name}}, {@code {name}},
 * {@code {handle}} and {@code {post_link}}. A variable with nothing to fill (no post to link) becomes empty; one Herald
 * does not know stays as typed, so the person sees it before sending.
 */
public final class SavedReplyText {

    public static final String FIRST_NAME = "first_name";
    public static final String NAME = "name";
    public static final String HANDLE = "handle";
    public static final String POST_LINK = "post_link";
    private static final Pattern VARIABLE = Pattern.compile("\\{([a-z_]{1,30})}");

    private SavedReplyText() {
    }

    public static String fill(String template, Map<String, String> values) {
        Matcher variable = VARIABLE.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1);
            String value = values.containsKey(name) ? values.get(name) : variable.group();
            variable.appendReplacement(filled, Matcher.quoteReplacement(value == null ? "" : value));
        }
        variable.appendTail(filled);
        return filled.toString();
    }

    /** The first word of a display name, which is what "first name" can mean for a stranger on a network. */
    public static String firstName(String displayName) {
        String clean = displayName == null ? "" : displayName.strip();
        if (clean.startsWith("@")) {
            return "";
        }
        int space = clean.indexOf(' ');
        return space < 0 ? clean : clean.substring(0, space);
    }
}
