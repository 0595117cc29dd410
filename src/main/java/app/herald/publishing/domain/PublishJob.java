package app.herald.publishing.domain;

import java.time.Instant;

/** One claimed entry of the platform's publish queue: which tenant's publication is due when, and for whom. */
public record PublishJob(long id, long tenantId, long publicationId, Instant dueAt, int attempts, String idempotencyKey) {
}
