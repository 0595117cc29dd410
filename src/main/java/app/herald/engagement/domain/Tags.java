package app.herald.engagement.domain;

import app.herald.kernel.RuleViolation;
import app.herald.kernel.Text;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A few short tags kept in one column as {@code ,billing,vip,}, so that a list filters by one with a LIKE on
 * {@code %,billing,%} and no join. A tag is one word or a few, lower case, without commas.
 */
public final class Tags {

    public static final int MAX_LENGTH = 40;
    public static final int MAX_TAGS = 10;

    private Tags() {
    }

    /** A tag as people type it, checked and lower-cased. */
    public static String clean(String typed) {
        // Checked again once lower-cased: a few letters grow (Turkish İ becomes i and a combining dot).
        String tag = Text.name("A tag", Text.name("A tag", typed, MAX_LENGTH).toLowerCase(Locale.ROOT), MAX_LENGTH);
        if (tag.contains(",") || tag.contains("%") || tag.contains("_")) {
            throw new RuleViolation("A tag is made of letters, digits, spaces and dashes; \"" + tag + "\" is not.");
        }
        return tag;
    }

    public static List<String> of(String column) {
        return column == null ? List.of() : Arrays.stream(column.split(",")).filter(t -> !t.isBlank()).toList();
    }

    public static String with(String column, String typed) {
        Set<String> tags = new LinkedHashSet<>(of(column));
        tags.add(clean(typed));
        if (tags.size() > MAX_TAGS) {
            throw new RuleViolation("At most " + MAX_TAGS + " tags; remove one first.");
        }
        return column(tags);
    }

    public static String without(String column, String tag) {
        Set<String> tags = new LinkedHashSet<>(of(column));
        tags.remove(tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT));
        return column(tags);
    }

    /** The LIKE pattern that finds a tag in such a column. */
    public static String pattern(String tag) {
        return "%," + clean(tag) + ",%";
    }

    private static String column(Set<String> tags) {
        return tags.isEmpty() ? "" : "," + String.join(",", tags) + ",";
    }
}
