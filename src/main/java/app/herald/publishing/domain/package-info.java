/** Publications and their states, the queue's jobs, retry policy, and the connector contract every network implements. */
package app.herald.publishing.domain;
