/**
 * Herald opened to other systems: outbound webhooks (Standard Webhooks, signed, retried, logged), and later the public
 * REST API. Stands on every capability whose changes it announces, as {@code demo} does; none stands on it.
 */
package app.herald.api;
