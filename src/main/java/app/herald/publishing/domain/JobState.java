package app.herald.publishing.domain;

/** A publish job's place in the queue; what the user sees is the {@link PublicationState}. */
public enum JobState {
    /** Waiting for its due instant. */
    QUEUED,
    /** Waiting for its next attempt after a failure. */
    RETRY_WAIT,
    /** Held by one node until its lease runs out. */
    CLAIMED,
    /** Nothing left to do: published, failed for a person to act, or cancelled. */
    DONE;
}
