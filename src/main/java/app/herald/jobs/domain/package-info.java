/**
 * The engine's vocabulary: a claimed {@link app.herald.jobs.domain.Job}, what an attempt decides
 * ({@link app.herald.jobs.domain.Outcome}), how a queue runs ({@link app.herald.jobs.domain.QueueSettings}) and the
 * backoff of failed attempts.
 */
package app.herald.jobs.domain;
