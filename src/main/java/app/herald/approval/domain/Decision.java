package app.herald.approval.domain;

import java.time.Instant;

/** One recorded act on a post's review: who, when, what, from which state to which, at which step, and why. */
public record Decision(long userId, Instant at, Kind kind, PostState from, PostState to, int step, String comment) {

    public enum Kind { SUBMITTED, APPROVED, CHANGES_REQUESTED, REJECTED, REOPENED, EDITED_AFTER_REVIEW }
}
