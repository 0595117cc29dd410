/**
 * Agencies and their lifecycle.
 */
package app.herald.platform.domain;
