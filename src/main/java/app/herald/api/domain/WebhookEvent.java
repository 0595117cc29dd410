package app.herald.api.domain;

import java.util.Arrays;
import java.util.Optional;

/** What Herald tells an endpoint about, with the type names its payloads carry. */
public enum WebhookEvent {
    POST_SUBMITTED("post.submitted", "A post waits for review"),
    POST_APPROVED("post.approved", "A post was approved"),
    POST_CHANGES_REQUESTED("post.changes_requested", "A reviewer asked for changes"),
    POST_REJECTED("post.rejected", "A post was rejected"),
    PUBLICATION_PUBLISHED("publication.published", "A post was published on a network"),
    PUBLICATION_FAILED("publication.failed", "A post could not be published"),
    REPORT_READY("report.ready", "A report is ready to download"),
    /** Sent from the Webhooks screen; every endpoint takes it, none subscribes to it. */
    TEST("webhook.test", "A test event");

    private final String type;
    private final String description;

    WebhookEvent(String type, String description) {
        this.type = type;
        this.description = description;
    }

    public String type() {
        return type;
    }

    public String description() {
        return description;
    }

    public boolean isSubscribable() {
        return this != TEST;
    }

    public static Optional<WebhookEvent> ofType(String type) {
        return Arrays.stream(values()).filter(e -> e.type.equals(type)).findFirst();
    }
}
