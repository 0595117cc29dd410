/** Writers that turn a report's content into PDF (OpenPDF), XLSX (Apache POI) and CSV (Commons CSV). */
package app.herald.reporting.infrastructure;
