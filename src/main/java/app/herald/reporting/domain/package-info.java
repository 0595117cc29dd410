/** What goes into a report, independent of its format, and the report's life from requested to ready. */
package app.herald.reporting.domain;
