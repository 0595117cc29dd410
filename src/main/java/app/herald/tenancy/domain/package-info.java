/**
 * Tenants, their schema names and their audit log.
 */
package app.herald.tenancy.domain;
