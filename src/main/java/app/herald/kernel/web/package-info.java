/**
 * The shared web frame every screen uses: messages to the person, error statuses, security headers, Herald's public
 * address.
 */
package app.herald.kernel.web;
