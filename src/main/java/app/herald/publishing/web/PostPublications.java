package app.herald.publishing.web;

import app.herald.kernel.WallClock;
import app.herald.content.application.Channels;
import app.herald.content.domain.Post;
import app.herald.content.web.ViewPost;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.web.Feedback;
import app.herald.publishing.application.Publications;
import app.herald.publishing.domain.Publication;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The "Publishing" part of a post's page: where each channel's publication stands, with retry, move and cancel for
 * those who write content. The post and the client come from the page's {@link ViewPost}.
 */
@Named
@ViewScoped
public class PostPublications implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ViewPost page;
    @Inject
    Publications publications;
    @Inject
    Channels channels;

    private List<PublicationRow> rows;
    private Long moving;
    private LocalDateTime movedTo;

    public List<PublicationRow> getRows() {
        if (rows == null) {
            Post post = page.getPost();
            rows = post == null ? List.of() : publications.ofPost(post.getId()).stream()
                    .map(p -> PublicationRow.of(p, channels.find(p.getChannelId()), page.getAccess())).toList();
        }
        return rows;
    }

    public void retry(long publicationId) {
        Feedback.attempt(() -> publications.retry(page.getAccess().enter(), publicationId),
                "Queued again: Herald publishes it within seconds.");
        rows = null;
    }

    public void cancel(long publicationId) {
        Feedback.attempt(() -> publications.cancel(page.getAccess().enter(), publicationId), "Publication cancelled.");
        rows = null;
    }

    public void move() {
        Feedback.attempt(() -> {
            if (moving == null || movedTo == null) {
                throw new RuleViolation("Choose the publication and its new time.");
            }
            publications.reschedule(page.getAccess().enter(), moving,
                    WallClock.at(movedTo, page.getAccess().getClient().zone()).toInstant());
        }, "Publication moved.");
        rows = null;
    }

    public List<PublicationRow> getMovable() {
        return getRows().stream().filter(r -> r.publication().isCancellable()
                || r.publication().getState() == app.herald.publishing.domain.PublicationState.CANCELLED).toList();
    }

    public Long getMoving() {
        return moving;
    }

    public void setMoving(Long moving) {
        this.moving = moving;
    }

    public LocalDateTime getMovedTo() {
        return movedTo;
    }

    public void setMovedTo(LocalDateTime movedTo) {
        this.movedTo = movedTo;
    }
}
