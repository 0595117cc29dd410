package app.herald.publishing.domain;

import java.util.Collection;
import java.util.Optional;

/**
 * One word for where a post's publications stand, for calendars and lists: what needs a person first, then what went
 * out. Empty while everything still waits for its time, so that the post's review state shows instead.
 */
public enum PublishingSummary {
    FAILED("Failed"),
    NEEDS_ATTENTION("Needs attention"),
    PUBLISHING("Publishing"),
    PARTLY_PUBLISHED("Partly published"),
    PUBLISHED("Published");

    private final String label;

    PublishingSummary(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<PublishingSummary> of(Collection<Publication> publications) {
        long published = publications.stream().filter(p -> p.getState() == PublicationState.PUBLISHED).count();
        if (publications.stream().anyMatch(p -> p.getState() == PublicationState.FAILED)) {
            return Optional.of(FAILED);
        }
        if (publications.stream().anyMatch(p -> p.getState().needsAttention())) {
            return Optional.of(NEEDS_ATTENTION);
        }
        if (publications.stream().anyMatch(p -> p.getState() == PublicationState.PUBLISHING)) {
            return Optional.of(PUBLISHING);
        }
        long live = publications.stream().filter(p -> p.getState() != PublicationState.CANCELLED).count();
        if (published > 0) {
            return Optional.of(published == live ? PUBLISHED : PARTLY_PUBLISHED);
        }
        return Optional.empty();
    }
}
