package app.herald.publishing.web;

import app.herald.content.application.Channels;
import app.herald.content.application.Posts;
import app.herald.kernel.web.Feedback;
import app.herald.publishing.application.Publications;
import app.herald.publishing.domain.Publication;
import app.herald.tenancy.web.ClientAccess;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * A client's publishing at a glance (/client/publishing.xhtml?client=ID): what needs attention (failed, unconfirmed,
 * waiting to retry), with retry and cancel right there.
 */
@Named
@ViewScoped
public class PublishingStatus implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClientAccess access;
    @Inject
    Publications publications;
    @Inject
    Posts posts;
    @Inject
    Channels channels;

    private List<AttentionRow> attention;

    /** A publication with its post's title, for the list. */
    public record AttentionRow(PublicationRow row, String postTitle, long postId) implements Serializable {
        public PublicationRow getRow() {
            return row;
        }

        public String getPostTitle() {
            return postTitle;
        }

        public long getPostId() {
            return postId;
        }
    }

    public void open() {
        if (access.open()) {
            load();
        }
    }

    private void load() {
        attention = publications.needingAttention().stream().map(this::row).toList();
    }

    private AttentionRow row(Publication p) {
        return new AttentionRow(PublicationRow.of(p, channels.find(p.getChannelId()), access),
                posts.find(p.getPostId()).getTitle(), p.getPostId());
    }

    public void retry(long publicationId) {
        Feedback.attempt(() -> publications.retry(access.enter(), publicationId), "Queued again.");
        load();
    }

    public void cancel(long publicationId) {
        Feedback.attempt(() -> publications.cancel(access.enter(), publicationId), "Publication cancelled.");
        load();
    }

    public ClientAccess getAccess() {
        return access;
    }

    public List<AttentionRow> getAttention() {
        return attention;
    }
}
