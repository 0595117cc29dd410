package app.herald.publishing.infrastructure;

import app.herald.publishing.domain.PublishResult;

/**
 * Ends a connector's sequence of requests early with the result to report, so that each step (upload, create,
 * publish) reads as a straight line instead of a ladder of checks.
 */
final class Stop extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient PublishResult result;

    Stop(PublishResult result) {
        super(Calls.reason(result), null, false, false);
        this.result = result;
    }

    /**
     * A step before the post itself failed (an upload, a container): whatever happened, no post exists yet, so a lost
     * answer is no reason to look it up first.
     */
    static Stop beforePost(PublishResult result) {
        // NetworkCall's "no answer" wording promises a lookup, which would be pointless here: drop that sentence.
        return new Stop(result instanceof PublishResult.Unconfirmed u
                ? new PublishResult.RetryLater(u.reason().replace(" Herald checks with the network before it tries again.",
                "") + " No post was made yet.")
                : result);
    }

    PublishResult result() {
        return result;
    }
}
