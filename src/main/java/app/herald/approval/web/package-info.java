/**
 * The review page that a client approver opens from an e-mailed link, without signing in.
 */
package app.herald.approval.web;
