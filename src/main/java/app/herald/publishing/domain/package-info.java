/**
 * Deliveries and their states (publications of posts, and the machine every delivery shares), retry policy, the
 * connector contract every network implements to publish, and the inbox contract of networks that Herald reads.
 */
package app.herald.publishing.domain;
