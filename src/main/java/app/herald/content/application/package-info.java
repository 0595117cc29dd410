/**
 * Use cases of content: channels, composing posts with their variants, scheduling, and moving them through review.
 */
package app.herald.content.application;
