package app.herald.jobs.domain;

/** Where a job stands in the engine's table. */
public enum JobState {
    /** Waiting for its due instant (the first time, or again after a failure: attempts and last_error tell). */
    QUEUED,
    /** Held by one attempt (one claim token) until its lease runs out. */
    CLAIMED,
    /** Nothing more to do. */
    DONE,
    /** Given up: it failed too often, or its handler said it can never succeed. The reason is kept for a person. */
    DEAD
}
