/** Per-client reports: what a period's analytics look like as a branded PDF, an XLSX workbook or CSV, built in the background. */
package app.herald.reporting;
