/**
 * Sign-in, invitation and password screens, and managing an agency's members and client users.
 */
package app.herald.identity.web;
