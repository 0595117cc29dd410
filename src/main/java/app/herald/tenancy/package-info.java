/**
 * Client tenants: the registry, one database schema per tenant, and binding a request to exactly one tenant.
 */
package app.herald.tenancy;
