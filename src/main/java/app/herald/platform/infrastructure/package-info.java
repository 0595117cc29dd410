/**
 * Health checks.
 */
package app.herald.platform.infrastructure;
