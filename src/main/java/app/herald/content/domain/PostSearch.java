package app.herald.content.domain;

import app.herald.approval.domain.PostState;
import app.herald.kernel.paging.SearchWords;
import java.util.Optional;

/** What a person narrows a client's posts to: words in the title or the text, and a state. */
public record PostSearch(Optional<String> words, Optional<PostState> state) {

    public static PostSearch everything() {
        return new PostSearch(Optional.empty(), Optional.empty());
    }

    /** As typed: blank words mean any ({@link SearchWords}). */
    public static PostSearch of(String words, PostState state) {
        return new PostSearch(SearchWords.of(words), Optional.ofNullable(state));
    }
}
