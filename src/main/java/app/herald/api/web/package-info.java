/** The agency's Webhooks screen: endpoints, their events and secrets, the delivery log, resend and test events. */
package app.herald.api.web;
