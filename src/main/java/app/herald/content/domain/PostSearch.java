package app.herald.content.domain;

import app.herald.approval.domain.PostState;
import app.herald.kernel.Text;
import java.util.Optional;

/** What a person narrows a client's posts to: words in the title or the text, and a state. */
public record PostSearch(Optional<String> words, Optional<PostState> state) {

    public static final int MAX_WORDS = 200;

    public static PostSearch everything() {
        return new PostSearch(Optional.empty(), Optional.empty());
    }

    /** As typed: blank words mean any, and words are one line of at most {@value #MAX_WORDS} characters. */
    public static PostSearch of(String words, PostState state) {
        return new PostSearch(Text.optionalName("The search", words, MAX_WORDS), Optional.ofNullable(state));
    }
}
