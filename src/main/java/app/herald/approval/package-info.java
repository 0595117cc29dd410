/**
 * Approval: the review workflow (internal steps, then the client), its per-client policy and every decision
 * recorded. It knows nothing of what is reviewed; content (posts) builds on it.
 */
package app.herald.approval;
