-- Demo fixtures, applied once to each demo client's schema right after it is created (demo mode only).
-- ${schema} is the client's (validated) schema name and ${now} the current epoch milliseconds.
INSERT INTO ${schema}.audit_entry (occurred_at, actor, action, subject, detail)
VALUES (${now}, 'system', 'DEMO_LOADED', 'workspace', 'Demo client created with sample data.');
