/**
 * Screens of a client's workspace for content: channels, the composer with live counters, the posts list, the
 * calendars, and the review page a client approver opens from an e-mailed link.
 */
package app.herald.content.web;
