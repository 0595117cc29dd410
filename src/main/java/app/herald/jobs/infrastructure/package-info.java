/**
 * The engine's SQL: claiming with leases, fencing by claim token, the database clock.
 */
package app.herald.jobs.infrastructure;
