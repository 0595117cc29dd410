package app.herald.jobs.domain;

import java.time.Instant;

/**
 * One claimed attempt at a piece of background work: which queue and kind, for which tenant (0 for platform-wide work)
 * and subject, at which step, due when, the how-many-th attempt, and the claim token that fences this attempt. Every
 * write an attempt makes about its job names the token, so an attempt whose lease was taken over (even by the same
 * node) can never overwrite the attempt that holds the job now.
 */
public record Job(long id, String queue, String kind, long tenantId, long subjectId, int step, Instant dueAt,
                  int attempts, String claimToken) {

    /** Platform-wide work has no tenant. */
    public static final long NO_TENANT = 0;

    /** The next attempt at this job, fenced by {@code token}. */
    public Job claimedAs(String token) {
        return new Job(id, queue, kind, tenantId, subjectId, step, dueAt, attempts + 1, token);
    }
}
