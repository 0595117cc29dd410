package app.herald.publishing.domain;

import java.util.List;
import java.util.Optional;

/** What reading one stream of a channel's inbox gave. */
public sealed interface InboxRead {

    /**
     * What came in since the cursor, in any order, and the cursor to start from next time (empty: keep the old one).
     * {@code truncated} means more came in than one reading takes; the rest is read next time or, beyond the
     * look-back, not at all.
     */
    record Page(List<Incoming> items, Optional<String> cursor, boolean truncated) implements InboxRead {
        public Page {
            items = List.copyOf(items);
        }
    }

    /**
     * The network could not be read now: {@code why} says whether to wait (a rate limit with its Retry-After, an
     * outage) or whether the channel must be connected again.
     */
    record Failed(PublishResult why) implements InboxRead {
    }
}
