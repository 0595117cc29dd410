/**
 * Screens for an agency's clients and a client's workspace home.
 */
package app.herald.tenancy.web;
