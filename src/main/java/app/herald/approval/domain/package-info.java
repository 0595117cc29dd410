/**
 * The approval workflow as a state machine over a post's state and its recorded decisions, free of persistence.
 */
package app.herald.approval.domain;
