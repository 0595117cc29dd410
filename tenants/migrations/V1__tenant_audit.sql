-- Every tenant schema starts with its audit log: who did what, when, to which subject.
CREATE TABLE audit_entry (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at  BIGINT        NOT NULL,
    actor        VARCHAR(254)  NOT NULL,
    action       VARCHAR(60)   NOT NULL,
    subject      VARCHAR(200)  NOT NULL,
    detail       VARCHAR(1000)
);
CREATE INDEX ix_audit_entry_time ON audit_entry (occurred_at);
