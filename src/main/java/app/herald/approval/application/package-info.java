/**
 * Use cases of approval: the tenant's policy, and deciding on posts as reviewer or client.
 */
package app.herald.approval.application;
