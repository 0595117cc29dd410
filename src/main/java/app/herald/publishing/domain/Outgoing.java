package app.herald.publishing.domain;

import java.util.List;
import java.util.Objects;

/**
 * One variant as it goes out: its words, its media, and the publication's idempotency key, which stays the same over
 * every attempt so that a network (or a lookup) can recognise a repeat.
 */
public record Outgoing(long publicationId, String idempotencyKey, String text, String firstComment,
                       List<OutgoingMedia> media) {

    public Outgoing {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        text = text == null ? "" : text;
        media = media == null ? List.of() : List.copyOf(media);
    }

    public Outgoing(long publicationId, String idempotencyKey, String text) {
        this(publicationId, idempotencyKey, text, null, List.of());
    }
}
