/**
 * Where media bytes live (the tenant's directory under the data directory) and how images are inspected and
 * thumbnailed.
 */
package app.herald.content.infrastructure;
