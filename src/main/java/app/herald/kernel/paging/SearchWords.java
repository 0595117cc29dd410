package app.herald.kernel.paging;

import app.herald.kernel.Text;
import java.util.Optional;

/** The one rule for what a person types into a list's search: one line, at most 200 characters; blank means all. */
public final class SearchWords {

    public static final int MAX = 200;

    private SearchWords() {
    }

    public static Optional<String> of(String typed) {
        return Text.optionalName("The search", typed, MAX);
    }
}
