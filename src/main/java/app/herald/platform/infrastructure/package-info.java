/**
 * The data source, e-mail delivery and health checks that the rest of Herald relies on.
 */
package app.herald.platform.infrastructure;
