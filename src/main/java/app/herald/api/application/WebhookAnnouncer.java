package app.herald.api.application;

import static app.herald.kernel.JsonSupport.JSON;

import app.herald.api.domain.WebhookEvent;
import app.herald.content.domain.PostReviewed;
import app.herald.publishing.domain.PublicationFailed;
import app.herald.publishing.domain.PublicationPublished;
import app.herald.reporting.domain.ReportReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns what the other capabilities announce (in their own transactions) into webhook events: review decisions,
 * publications published or failed, reports ready.
 */
@ApplicationScoped
public class WebhookAnnouncer {

    @Inject
    WebhookOutbox outbox;
    @Inject
    WebhookListeners listeners;

    void reviewed(@Observes PostReviewed review) {
        Optional<WebhookEvent> event = switch (review.kind()) {
            case "SUBMITTED" -> Optional.of(WebhookEvent.POST_SUBMITTED);
            // An internal step approved moves the post on to the next step; only the last approval approves it.
            case "APPROVED" -> "APPROVED".equals(review.to()) ? Optional.of(WebhookEvent.POST_APPROVED) : Optional.empty();
            case "CHANGES_REQUESTED" -> Optional.of(WebhookEvent.POST_CHANGES_REQUESTED);
            case "REJECTED" -> Optional.of(WebhookEvent.POST_REJECTED);
            default -> Optional.empty();
        };
        event.ifPresent(e -> announce(e, review.tenantId(), () -> {
            JsonObjectBuilder data = JSON.createObjectBuilder().add("post_id", review.postId())
                    .add("title", review.title()).add("from", review.from()).add("to", review.to())
                    .add("by", review.by());
            if (review.comment() != null) {
                data.add("comment", review.comment());
            }
            return data;
        }));
    }

    void published(@Observes PublicationPublished published) {
        announce(WebhookEvent.PUBLICATION_PUBLISHED, published.tenantId(), () -> {
            JsonObjectBuilder data = JSON.createObjectBuilder().add("post_id", published.postId())
                    .add("publication_id", published.publicationId()).add("channel_id", published.channelId())
                    .add("published_at", published.publishedAt().toString());
            if (published.networkUrl() != null) {
                data.add("network_url", published.networkUrl());
            }
            return data;
        });
    }

    void failed(@Observes PublicationFailed failed) {
        announce(WebhookEvent.PUBLICATION_FAILED, failed.tenantId(), () -> {
            JsonObjectBuilder data = JSON.createObjectBuilder().add("post_id", failed.postId())
                    .add("publication_id", failed.publicationId()).add("channel_id", failed.channelId());
            if (failed.reason() != null) {
                data.add("reason", failed.reason());
            }
            return data;
        });
    }

    void reportReady(@Observes ReportReady ready) {
        announce(WebhookEvent.REPORT_READY, ready.tenantId(), () -> JSON.createObjectBuilder()
                .add("report_id", ready.reportId()).add("file_name", ready.fileName()));
    }

    /** Through the outbox (an EJB call) only when the client's agency listens at all, which most do not. */
    private void announce(WebhookEvent event, long tenantId, Supplier<JsonObjectBuilder> data) {
        if (listeners.anyFor(tenantId)) {
            outbox.announce(event, tenantId, data);
        }
    }
}
