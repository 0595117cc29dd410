/** Webhook endpoints and deliveries, the events they carry, and the Standard Webhooks signature. */
package app.herald.api.domain;
