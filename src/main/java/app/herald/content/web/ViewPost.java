package app.herald.content.web;

import app.herald.content.application.Comments;
import app.herald.content.domain.Comment;
import app.herald.approval.domain.DecisionRecord;
import app.herald.content.application.Channels;
import app.herald.content.application.Posts;
import app.herald.content.domain.Post;
import app.herald.content.domain.Variant;
import app.herald.content.domain.WordDiff;
import app.herald.approval.domain.PostState;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.web.Feedback;
import app.herald.kernel.web.Pages;
import app.herald.tenancy.web.ClientAccess;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One post for everyone who may open its client (/client/post.xhtml?client=ID&post=ID): its variants, its review
 * history and its conversation, where the agency can also leave internal notes.
 */
@Named
@ViewScoped
public class ViewPost implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClientAccess access;
    @Inject
    Posts posts;
    @Inject
    Channels channels;
    @Inject
    Comments comments;

    private String postParam;
    private Post post;
    private List<String[]> variants;
    private List<DecisionRecord> history;
    private List<Comment> conversation;
    private Map<String, List<WordDiff.Run>> changes = Map.of();
    private String body;
    private boolean internal;
    private Long replyTo;
    private boolean staff;

    public void open() {
        if (!access.open()) {
            return;
        }
        try {
            post = posts.find(access.enter(), Pages.id(postParam).orElseThrow(() -> new AccessDenied("No post id")));
        } catch (AccessDenied e) {
            Pages.notFound();
            return;
        }
        variants = posts.variants(post.getId()).stream()
                .map((Variant v) -> new String[] {channels.find(v.getChannelId()).label(), v.getText()}).toList();
        history = posts.history(access.enter(), post.getId());
        if (post.getState() == PostState.IN_REVIEW || post.getState() == PostState.CLIENT_REVIEW) {
            changes = posts.changesSinceApproval(post.getId());
        }
        staff = access.enter().isStaff();
        conversation = comments.visible(access.enter(), post.getId());
    }

    public void comment() {
        if (Feedback.attempt(() -> comments.add(access.enter(), post.getId(), replyTo, body, internal),
                internal ? "Internal note added." : "Comment added.")) {
            body = null;
            internal = false;
            replyTo = null;
        }
        conversation = comments.visible(access.enter(), post.getId());
    }

    public void replyTo(Comment comment) {
        replyTo = comment.getThreadId();
    }

    public boolean isStaff() {
        return staff;
    }

    public ClientAccess getAccess() {
        return access;
    }

    public String getPostParam() {
        return postParam;
    }

    public void setPostParam(String postParam) {
        this.postParam = postParam;
    }

    public Post getPost() {
        return post;
    }

    public List<String[]> getVariants() {
        return variants;
    }

    public List<Map.Entry<String, List<WordDiff.Run>>> getChanges() {
        return List.copyOf(changes.entrySet());
    }

    public List<DecisionRecord> getHistory() {
        return history;
    }

    public List<Comment> getConversation() {
        return conversation;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public boolean isInternal() {
        return internal;
    }

    public void setInternal(boolean internal) {
        this.internal = internal;
    }

    public Long getReplyTo() {
        return replyTo;
    }
}
