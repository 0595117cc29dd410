/**
 * Signing in, throttling, password hashing, invitations, password resets and member administration.
 */
package app.herald.identity.application;
