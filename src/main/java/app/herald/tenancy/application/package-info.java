/**
 * Creating, migrating, administering and entering tenants; the current tenant of a request.
 */
package app.herald.tenancy.application;
