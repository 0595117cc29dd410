package app.herald.publishing.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing that came in on a channel, as its network reported it.
 *
 * @param itemId     the network's id of the item, unique within the channel (a status, a record, a comment, a
 *                   message; for gestures, the network's id of the notification)
 * @param text       what was said, as plain text (markup removed); empty for gestures
 * @param language   the language the network or the author gave (BCP 47), when one was given
 * @param url        where a person can see it on the network, when it has an address
 * @param threadId   the network's own conversation id, for direct messages
 * @param parentId   the item it answers, when it answers one
 * @param rootId     the first post of its thread, when it is not the parent
 * @param replyTarget what answering it takes; null for what cannot be answered (gestures)
 * @param subjectId  for gestures, what was liked or reposted
 * @param fromChannel written by the channel's own account (an answer Herald or someone else sent as the client)
 * @param deleted    the network reports it deleted
 * @param editedAt   when it was last edited, when it was
 */
public record Incoming(String itemId, InteractionKind kind, Person author, String text, String language, String url,
                       String threadId, String parentId, String rootId, ReplyTarget replyTarget, String subjectId,
                       Instant occurredAt, boolean fromChannel, boolean deleted, Instant editedAt) {

    public Incoming {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(occurredAt, "occurredAt");
        text = text == null ? "" : text;
    }

    public Optional<String> parent() {
        return Optional.ofNullable(parentId).filter(v -> !v.isBlank());
    }

    public Optional<String> root() {
        return Optional.ofNullable(rootId).filter(v -> !v.isBlank());
    }

    public Optional<String> thread() {
        return Optional.ofNullable(threadId).filter(v -> !v.isBlank());
    }

    public Optional<Instant> edited() {
        return Optional.ofNullable(editedAt);
    }
}
