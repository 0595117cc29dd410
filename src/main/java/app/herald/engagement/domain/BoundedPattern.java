package app.herald.engagement.domain;

import app.herald.kernel.RuleViolation;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A regular expression typed by a person, run against text that strangers write, with a time limit: a pattern such
 * as {@code (a+)+$} takes exponential time on some inputs, so a match that runs past its limit stops and counts as no
 * match. A pattern that already runs past the limit on a few known hard inputs is refused when it is saved.
 */
public final class BoundedPattern {

    public static final int MAX_LENGTH = 300;
    /** Per text: a rule runs for every incoming item, inside the transaction that stores it. */
    static final Duration LIMIT = Duration.ofMillis(50);
    private static final List<String> HARD_INPUTS = List.of(
            "a".repeat(40) + "!", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "ab".repeat(30) + "c",
            "x".repeat(30) + "@" + "x".repeat(30), " ".repeat(50) + "x", "1".repeat(40) + "a",
            "<" + "a".repeat(40) + ">", "é".repeat(40) + "?");

    private final Pattern pattern;

    private BoundedPattern(Pattern pattern) {
        this.pattern = pattern;
    }

    /** Checks a typed pattern: it must compile, be short, and stay within the limit on the hard inputs. */
    public static BoundedPattern of(String typed) {
        String source = typed == null ? "" : typed.strip();
        if (source.isEmpty()) {
            throw new RuleViolation("Type a regular expression, or leave the field empty.");
        }
        if (source.length() > MAX_LENGTH) {
            throw new RuleViolation("A regular expression has at most " + MAX_LENGTH + " characters.");
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(source, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw new RuleViolation("That is not a regular expression Herald understands: "
                    + e.getDescription() + " near position " + e.getIndex() + ".");
        }
        BoundedPattern bounded = new BoundedPattern(compiled);
        for (String input : HARD_INPUTS) {
            if (bounded.find(input) == Result.TOO_SLOW) {
                throw new RuleViolation("This regular expression takes too long on some texts (it backtracks without "
                        + "end, as nested repetitions like (a+)+ do); write it without nested repetition.");
            }
        }
        return bounded;
    }

    /** The outcome of one search. */
    public enum Result {
        FOUND, NOT_FOUND, TOO_SLOW
    }

    public Result find(String text) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        try {
            return pattern.matcher(new Deadlined(text, deadline)).find() ? Result.FOUND : Result.NOT_FOUND;
        } catch (TooSlow e) {
            return Result.TOO_SLOW;
        }
    }

    public String source() {
        return pattern.pattern();
    }

    /** Text that stops the matcher reading it once the deadline passed (looked at every thousand reads or so). */
    private static final class Deadlined implements CharSequence {
        private final CharSequence text;
        private final long deadline;
        private int reads;

        Deadlined(CharSequence text, long deadline) {
            this.text = text;
            this.deadline = deadline;
        }

        @Override
        public char charAt(int index) {
            if (++reads > 1024) {
                reads = 0;
                if (System.nanoTime() > deadline) {
                    throw new TooSlow();
                }
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Deadlined(text.subSequence(start, end), deadline);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    private static final class TooSlow extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooSlow() {
            super("the match ran out of time", null, false, false);
        }
    }
}
