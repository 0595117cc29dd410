/**
 * Approval: the review of a post by the agency and then by the client, every decision recorded.
 */
package app.herald.approval;
