/** The reports screen (request, progress, history, schedules), the download servlet and the agency's branding screen. */
package app.herald.reporting.web;
