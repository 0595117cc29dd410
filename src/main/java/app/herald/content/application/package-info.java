/**
 * Use cases of content: channels, composing posts with their variants, scheduling, moving them through review,
 * comments, review links, review e-mails and the daily digest.
 */
package app.herald.content.application;
