package app.herald.content.web;

import app.herald.content.application.Posts;
import app.herald.content.domain.Post;
import app.herald.kernel.web.Feedback;
import app.herald.tenancy.web.ClientAccess;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * A client's posts (/client/posts.xhtml?client=ID): the ones waiting for the signed-in person's decision first, then
 * every post with its state, time and author.
 */
@Named
@ViewScoped
public class ReviewPosts implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClientAccess access;
    @Inject
    Posts posts;

    private List<Post> waiting;
    private List<Post> all;
    private String comment;

    public void open() {
        if (access.open()) {
            load();
        }
    }

    private void load() {
        waiting = posts.awaiting(access.enter());
        all = posts.recent(access.enter(), 200);
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

    public List<Post> getAll() {
        return all;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }
}
