package app.herald.content.domain;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What changed between two versions of a text, word by word (a longest common subsequence of words and spaces), for
 * reviewers of an edited post. Very long texts are compared as a whole.
 */
public final class WordDiff {

    public enum Change { SAME, REMOVED, ADDED }

    public record Run(Change change, String text) implements Serializable {

        public String getStyleClass() {
            return "herald-diff-" + change.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final Pattern TOKEN = Pattern.compile("\\S+\\s*|\\s+");
    private static final int MAX_TOKENS = 1500;

    private WordDiff() {
    }

    public static List<Run> between(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        if (a.size() > MAX_TOKENS || b.size() > MAX_TOKENS) {
            return before.equals(after) ? List.of(new Run(Change.SAME, after))
                    : List.of(new Run(Change.REMOVED, before), new Run(Change.ADDED, after));
        }
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Run> runs = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                add(runs, Change.SAME, a.get(i++));
                j++;
            } else if (j < b.size() && (i == a.size() || common[i][j + 1] >= common[i + 1][j])) {
                add(runs, Change.ADDED, b.get(j++));
            } else {
                add(runs, Change.REMOVED, a.get(i++));
            }
        }
        return runs;
    }

    public static boolean changed(List<Run> runs) {
        return runs.stream().anyMatch(r -> r.change() != Change.SAME);
    }

    private static void add(List<Run> runs, Change change, String token) {
        if (!runs.isEmpty() && runs.get(runs.size() - 1).change() == change) {
            Run last = runs.remove(runs.size() - 1);
            runs.add(new Run(change, last.text() + token));
        } else {
            runs.add(new Run(change, token));
        }
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }
}
