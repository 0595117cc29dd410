/**
 * Flyway migrations per schema, schema DDL and the one producer of the current tenant's EntityManager.
 */
package app.herald.tenancy.infrastructure;
