/**
 * Agencies, platform administration, operations (health, configuration, start-up) and the shared web frame.
 */
package app.herald.platform;
