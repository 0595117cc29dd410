package app.herald.content.web;

import app.herald.approval.domain.PostState;
import app.herald.content.application.PostLists;
import app.herald.content.application.Posts;
import app.herald.content.domain.Post;
import app.herald.content.domain.PostSearch;
import app.herald.kernel.paging.PageRequest;
import app.herald.kernel.web.Feedback;
import app.herald.kernel.web.LazyRows;
import app.herald.tenancy.web.ClientAccess;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * A client's posts (/client/posts.xhtml?client=ID): the ones waiting for the signed-in person's decision first, then
 * every post with its state, time and author, a page at a time, searchable by words and state and sortable.
 */
@Named
@ViewScoped
public class ReviewPosts implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClientAccess access;
    @Inject
    Posts posts;
    @Inject
    PostLists lists;

    private final LazyRows<Post> all = new LazyRows<>(this::countMatching, this::matching, Post::getId);
    private List<Post> waiting;
    private PostSearch search = PostSearch.everything();
    private String words;
    private PostState state;
    private String comment;

    public void open() {
        if (access.open()) {
            load();
        }
    }

    private void load() {
        waiting = posts.awaiting(access.enter());
    }

    /** Narrows the list to the words and state typed; a search that is refused leaves the list as it was. */
    public void search() {
        Feedback.attempt(() -> {
            search = PostSearch.of(words, state);
            LazyRows.firstPage(":postList:all");
        }, null);
    }

    private long countMatching() {
        return lists.count(access.enter(), search);
    }

    private List<Post> matching(PageRequest request) {
        return lists.page(access.enter(), search, request);
    }

    public void approve(Post post) {
        Feedback.attempt(() -> posts.approve(access.enter(), post.getId(), comment), "\"" + post.getTitle() + "\" approved.");
        afterDecision();
    }

    public void requestChanges(Post post) {
        Feedback.attempt(() -> posts.requestChanges(access.enter(), post.getId(), comment),
                "Changes requested for \"" + post.getTitle() + "\".");
        afterDecision();
    }

    public void reject(Post post) {
        Feedback.attempt(() -> posts.reject(access.enter(), post.getId(), comment), "\"" + post.getTitle() + "\" rejected.");
        afterDecision();
    }

    private void afterDecision() {
        comment = null;
        load();
    }

    public ClientAccess getAccess() {
        return access;
    }

    public List<Post> getWaiting() {
        return waiting;
    }

    public LazyRows<Post> getAll() {
        return all;
    }

    public PostState[] getStates() {
        return PostState.values();
    }

    public String getWords() {
        return words;
    }

    public void setWords(String words) {
        this.words = words;
    }

    public PostState getState() {
        return state;
    }

    public void setState(PostState state) {
        this.state = state;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }
}
