/**
 * The Jakarta Security identity store over the platform's users.
 */
package app.herald.identity.infrastructure;
