/**
 * Screens of a client's workspace for content: channels, the composer with live counters, and the posts list.
 */
package app.herald.content.web;
