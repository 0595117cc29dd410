-- One table for every kind of background work (ADR 0016): publishing, analytics, reports, mail, and what comes
-- (inbox sync, webhook deliveries). A subject has at most one job per queue and kind; tenant_id is 0 for
-- platform-wide work, so the key holds for it too (a NULL would let two nodes plan the same recurring job).
-- claim_token fences each attempt; claimed_until is on the database's clock. Instants are epoch milliseconds.
CREATE TABLE job (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    queue            VARCHAR(20)    NOT NULL,
    kind             VARCHAR(30)    NOT NULL,
    tenant_id        BIGINT         NOT NULL,
    subject_id       BIGINT         NOT NULL,
    step             INT            NOT NULL DEFAULT 0,
    due_at           BIGINT         NOT NULL,
    state            VARCHAR(10)    NOT NULL,
    attempts         INT            NOT NULL DEFAULT 0,
    claim_token      VARCHAR(32),
    claimed_by       VARCHAR(100),
    claimed_until    BIGINT,
    last_error       VARCHAR(2000),
    created_at       BIGINT         NOT NULL,
    updated_at       BIGINT         NOT NULL,
    CONSTRAINT uq_job_subject UNIQUE (queue, kind, tenant_id, subject_id)
);
-- Few indexes, each on columns that change little: every index a claim or a finish must update is work and a lock.
-- Due jobs are found through (queue, state, due_at); claimed ones (few: what the nodes hold) through its
-- (queue, 'CLAIMED') range; an attempt's own row always through its primary key.
CREATE INDEX ix_job_due ON job (queue, state, due_at);
CREATE INDEX ix_job_tenant ON job (tenant_id, queue);

-- What was queued moves over. A claim of the old engine means nothing to the new one: such jobs are due again, and a
-- publication that was being sent is looked up at its network before it is sent again (ADR 0008).
INSERT INTO job (queue, kind, tenant_id, subject_id, step, due_at, state, attempts, last_error, created_at, updated_at)
SELECT 'publish', 'PUBLICATION', tenant_id, publication_id, 0, due_at,
       CASE WHEN state = 'DONE' THEN 'DONE' ELSE 'QUEUED' END, attempts, last_error, created_at, updated_at
FROM publish_job;

INSERT INTO job (queue, kind, tenant_id, subject_id, step, due_at, state, attempts, last_error, created_at, updated_at)
SELECT CASE WHEN kind IN ('REPORT', 'SCHEDULE') THEN 'reports' ELSE 'analytics' END, kind, tenant_id, subject_id, step,
       due_at, CASE WHEN state = 'DONE' THEN 'DONE' ELSE 'QUEUED' END, attempts, last_error, created_at, updated_at
FROM analytics_job;

DROP TABLE publish_job;
DROP TABLE analytics_job;

-- E-mail waits here from the transaction that decided to send it until the job engine has handed it to the SMTP
-- server (queue "mail", one job per row): a rollback sends nothing, and a mail server that is down delays mail
-- rather than failing what the person did.
CREATE TABLE outgoing_mail (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    recipient        VARCHAR(254)   NOT NULL,
    subject          VARCHAR(500)   NOT NULL,
    body             MEDIUMTEXT     NOT NULL,
    attachment_name  VARCHAR(200),
    attachment_type  VARCHAR(100),
    attachment       LONGBLOB,
    created_at       BIGINT         NOT NULL
);
