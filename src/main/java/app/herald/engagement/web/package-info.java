/** The inbox, contacts, rules and inbox settings screens, and the review of answers by the client. */
package app.herald.engagement.web;
