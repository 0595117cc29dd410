/**
 * Users, memberships and roles; signing in with Jakarta Security, invitations and password resets.
 */
package app.herald.identity;
