package app.herald.reporting.domain;

/**
 * A CDI event: a report's file is stored and can be downloaded. Fired inside the transaction that stores it, so that
 * observers (outbound webhooks) commit or roll back with it.
 */
public record ReportReady(long tenantId, long reportId, String fileName) {
}
