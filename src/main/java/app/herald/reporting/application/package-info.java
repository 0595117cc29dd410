/** Use cases: request a report, build it in the background with progress, keep its history, and run report schedules. */
package app.herald.reporting.application;
