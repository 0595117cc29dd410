/**
 * Use cases of identity: people, memberships, invitations, password resets, sign-in standing, and what every
 * capability may ask about an agency or (through the ClientWorkspaces port that tenancy provides) a client
 * workspace.
 */
package app.herald.identity.application;
