/**
 * An e-mail waiting in the outbox until the SMTP server has taken it.
 */
package app.herald.mail.domain;
