package app.herald.engagement.web;

import app.herald.engagement.application.Replies;
import app.herald.kernel.web.Feedback;
import app.herald.tenancy.web.ClientAccess;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers to review (/client/answers.xhtml?client=ID): those waiting for this person's decision (the agency's review
 * steps, or the client's approval, on a phone as well), each beside what it answers; and the person's own answers that
 * came back with changes asked for, to rewrite and send to review again.
 */
@Named
@ViewScoped
public class ReviewAnswers implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClientAccess access;
    @Inject
    Replies replies;

    private List<Replies.InContext> waiting = List.of();
    private List<Replies.InContext> sentBack = List.of();
    private String comment;
    private final Map<Long, String> rewrites = new HashMap<>();

    public void open() {
        if (access.open()) {
            load();
        }
    }

    private void load() {
        waiting = replies.awaitingInContext(access.enter());
        sentBack = access.enter().writesContent() ? replies.sentBack(access.enter()) : List.of();
        rewrites.clear();
        sentBack.forEach(r -> rewrites.put(r.reply().getId(), r.reply().getBody()));
    }

    public void approve(long replyId) {
        Feedback.attempt(() -> replies.approve(access.enter(), replyId, comment), "Approved: it goes out now.");
        afterDecision();
    }

    public void requestChanges(long replyId) {
        Feedback.attempt(() -> replies.requestChanges(access.enter(), replyId, comment), "Sent back for changes.");
        afterDecision();
    }

    public void reject(long replyId) {
        Feedback.attempt(() -> replies.reject(access.enter(), replyId, comment), "Rejected: it will not go out.");
        afterDecision();
    }

    public void rewrite(long replyId) {
        Feedback.attempt(() -> replies.rewrite(access.enter(), replyId, rewrites.get(replyId)), "Sent to review again.");
        afterDecision();
    }

    private void afterDecision() {
        comment = null;
        load();
    }

    public ClientAccess getAccess() {
        return access;
    }

    public List<Replies.InContext> getWaiting() {
        return waiting;
    }

    public List<Replies.InContext> getSentBack() {
        return sentBack;
    }

    public Map<Long, String> getRewrites() {
        return rewrites;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }
}
