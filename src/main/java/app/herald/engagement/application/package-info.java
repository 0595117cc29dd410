/**
 * The inbox's use cases: reading each channel on the job engine and placing what came in, working conversations,
 * answering and reviewing answers, contacts, rules, and the figures.
 */
package app.herald.engagement.application;
