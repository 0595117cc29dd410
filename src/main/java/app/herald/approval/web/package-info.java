/**
 * The review settings screen of a client (owners and managers).
 */
package app.herald.approval.web;
