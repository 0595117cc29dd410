package app.herald.publishing.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What goes out on one channel: a post's variant, or an answer to an incoming item ({@code inReplyTo}), with its
 * words, its media and the delivery's idempotency key, which stays the same over every attempt so that a network
 * (or a lookup) can recognise a repeat.
 */
public record Outgoing(long publicationId, String idempotencyKey, String text, String firstComment,
                       List<OutgoingMedia> media, ReplyTarget inReplyTo) {

    public Outgoing {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        text = text == null ? "" : text;
        media = media == null ? List.of() : List.copyOf(media);
    }

    public Outgoing(long publicationId, String idempotencyKey, String text, String firstComment,
                    List<OutgoingMedia> media) {
        this(publicationId, idempotencyKey, text, firstComment, media, null);
    }

    public Outgoing(long publicationId, String idempotencyKey, String text) {
        this(publicationId, idempotencyKey, text, null, List.of());
    }

    /** An answer to the given item, in words only. */
    public static Outgoing reply(long deliveryId, String idempotencyKey, String text, ReplyTarget target) {
        return new Outgoing(deliveryId, idempotencyKey, text, null, List.of(), Objects.requireNonNull(target));
    }

    /** The item this answers, when it is an answer. */
    public Optional<ReplyTarget> answers() {
        return Optional.ofNullable(inReplyTo);
    }
}
