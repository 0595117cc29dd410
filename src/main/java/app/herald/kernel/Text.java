package app.herald.kernel;

import java.util.Optional;

/**
 * The one set of rules for text people type. Names (of clients, agencies, campaigns, posts, channels, steps, people)
 * are one line and may not carry characters that change how the rest of the line reads: control characters,
 * direction overrides and isolates (U+202A–U+202E, U+2066–U+2069, marks U+200E, U+200F, U+061C) and invisible ones
 * (U+200B–U+200D, U+2060, U+FEFF), which make "…gnp.exe.png" show as "…png.exe" or make two names look alike. Such a
 * name is refused with a message, as is one that is too long: nothing is cut. Longer texts (posts, comments, notes)
 * keep line breaks, tabs, joiners and direction marks, which emoji and right-to-left writing need, and refuse only
 * control characters. File names of uploads, which a person cannot retype in the upload dialog, lose those characters
 * instead ({@link #cleanFileName}).
 */
public final class Text {

    private Text() {
    }

    /** A required one-line name, stripped. */
    public static String name(String what, String value, int max) {
        return optionalName(what, value, max).orElseThrow(() -> new RuleViolation(what + " is required."));
    }

    /** A one-line name that may be left empty. */
    public static Optional<String> optionalName(String what, String value, int max) {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty()) {
            return Optional.empty();
        }
        if (clean.codePoints().anyMatch(Text::isDeceptive)) {
            throw new RuleViolation(what + " contains invisible or direction-changing characters (such as a "
                    + "right-to-left override); type it again without them.");
        }
        return Optional.of(requireLength(what, clean, max));
    }

    /** A required text of several lines, stripped at its ends. */
    public static String body(String what, String value, int max) {
        return optionalBody(what, value, max).orElseThrow(() -> new RuleViolation(what + " is required."));
    }

    /** A text of several lines that may be left empty. */
    public static Optional<String> optionalBody(String what, String value, int max) {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty()) {
            return Optional.empty();
        }
        if (clean.codePoints().anyMatch(Text::isControl)) {
            throw new RuleViolation(what + " contains control characters; paste it again as plain text.");
        }
        return Optional.of(requireLength(what, clean, max));
    }

    /** A file's name as uploaded, without the characters a name may not have. */
    public static String cleanFileName(String value) {
        StringBuilder kept = new StringBuilder();
        (value == null ? "" : value).codePoints().filter(c -> !isDeceptive(c)).forEach(kept::appendCodePoint);
        return kept.toString().strip();
    }

    private static String requireLength(String what, String clean, int max) {
        int length = clean.codePointCount(0, clean.length());
        if (length > max) {
            throw new RuleViolation(String.format("%s has at most %,d characters; this one has %,d.", what, max, length));
        }
        return clean;
    }

    static boolean isControl(int c) {
        return (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7F && c <= 0x9F);
    }

    static boolean isDeceptive(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F)
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200E || c == 0x200F || c == 0x061C
                || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
    }
}
