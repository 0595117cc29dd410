package app.herald.content.web;

import app.herald.content.application.ReviewLinks;
import app.herald.content.application.ReviewLinks.Preview;
import app.herald.content.application.ReviewLinks.Verdict;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.web.Feedback;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** /review.xhtml?token=...: one post, shown to the client approver the link was sent to, with their decision. */
@Named
@ViewScoped
public class ReviewByLink implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ReviewLinks links;

    private String token;
    private Preview preview;
    private String comment;
    private boolean decided;

    public void open() {
        try {
            preview = links.preview(token);
        } catch (RuleViolation e) {
            Feedback.error(e.getMessage());
        } catch (AccessDenied e) {
            Feedback.error("This review link is no longer valid.");
        }
    }

    public void approve() {
        decide(Verdict.APPROVE, "Approved. Thank you!");
    }

    public void requestChanges() {
        decide(Verdict.REQUEST_CHANGES, "Your request for changes was sent to the agency.");
    }

    public void reject() {
        decide(Verdict.REJECT, "The post was rejected; the agency has been told why.");
    }

    private void decide(Verdict verdict, String done) {
        decided = Feedback.attempt(() -> links.decide(token, preview.postId(), verdict, comment), done);
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public Preview getPreview() {
        return preview;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public boolean isDecided() {
        return decided;
    }
}
