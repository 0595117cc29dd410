/** Conversations and their states, interactions, contacts and their network identities, replies, rules, settings. */
package app.herald.engagement.domain;
