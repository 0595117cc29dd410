/** SQL the inbox writes itself: the figures over interactions and replies, read in one pass per period. */
package app.herald.engagement.infrastructure;
