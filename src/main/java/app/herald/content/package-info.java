/**
 * Content: posts with a variant per network, the networks' text rules, posting slots and the calendar.
 */
package app.herald.content;
