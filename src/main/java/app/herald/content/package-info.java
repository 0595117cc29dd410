/**
 * Content: posts with a variant per network, their review (comments, review links, notifications, the daily
 * digest), the networks' text rules, posting slots and the calendar.
 */
package app.herald.content;
