/**
 * Sending e-mail: {@link app.herald.mail.application.Mail} queues it in the caller's transaction, and the mail queue of
 * the job engine delivers it once that transaction has committed, retrying while the SMTP server is unavailable.
 */
package app.herald.mail.application;
