/**
 * Managing an agency's endpoints, writing a delivery into the outbox in the transaction of each change, and sending
 * it on the job engine's {@code webhook} queue.
 */
package app.herald.api.application;
