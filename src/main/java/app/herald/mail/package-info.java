/**
 * Outgoing e-mail: queued in the transaction that decides it, delivered after it commits.
 */
package app.herald.mail;
