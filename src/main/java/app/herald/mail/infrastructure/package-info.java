/**
 * Delivering e-mail through SMTP (or into an outbox folder for demos).
 */
package app.herald.mail.infrastructure;
