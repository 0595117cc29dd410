package app.herald.publishing.domain;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;

/**
 * What a network needs to answer one incoming item under the right parent: the item's own id there, and the other
 * references its API asks for (Bluesky's root and parent records with their content ids, Mastodon's visibility and
 * the account to mention, ...). The connector that read the item fills it and the same connector reads it back when
 * a reply goes out; Herald keeps it with the item, unread.
 */
public record ReplyTarget(String parentId, Map<String, String> refs) implements Serializable {

    public ReplyTarget {
        if (parentId == null || parentId.isBlank()) {
            throw new IllegalArgumentException("A reply target needs the id of what is answered");
        }
        refs = refs == null ? Map.of() : Map.copyOf(refs);
    }

    public static ReplyTarget of(String parentId) {
        return new ReplyTarget(parentId, Map.of());
    }

    public Optional<String> ref(String name) {
        return Optional.ofNullable(refs.get(name)).filter(v -> !v.isBlank());
    }
}
