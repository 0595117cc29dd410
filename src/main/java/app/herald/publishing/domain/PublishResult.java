package app.herald.publishing.domain;

import java.time.Duration;
import java.util.Optional;

/** What came of one attempt to publish. */
public sealed interface PublishResult {

    /** The network holds the post: its id there and a link a person can open. */
    record Published(String networkPostId, String url) implements PublishResult {
    }

    /**
     * The network did not take the post but may later: busy, rate limited, briefly down. {@code retryAfter} is what
     * the network asked for (Retry-After), when it said; {@code rateLimited} means the whole channel must wait.
     */
    record RetryLater(String reason, Duration retryAfter, boolean rateLimited) implements PublishResult {
        public RetryLater(String reason) {
            this(reason, null, false);
        }

        public RetryLater(String reason, Duration retryAfter) {
            this(reason, retryAfter, false);
        }

        public Optional<Duration> askedDelay() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /**
     * The network refused the post for good, or the channel must be reconnected ({@code reconnect}); a person must act.
     */
    record Rejected(String reason, boolean reconnect) implements PublishResult {
        public Rejected(String reason) {
            this(reason, false);
        }
    }

    /**
     * The request may have reached the network but no answer came: look it up before trying again.
     * {@code brokenConnection} means the connection broke under the request rather than the network falling silent,
     * most often a server closing a kept-alive connection at the moment Herald reused it.
     */
    record Unconfirmed(String reason, boolean brokenConnection) implements PublishResult {
        public Unconfirmed(String reason) {
            this(reason, false);
        }
    }
}
