/**
 * Use cases of approval: the client's review policy and steps, and who may review.
 */
package app.herald.approval.application;
