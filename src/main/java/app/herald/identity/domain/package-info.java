/**
 * Users, memberships, roles, the signed-in actor and what each may do; one-time tokens.
 */
package app.herald.identity.domain;
