-- The record of what is due to be published, for every tenant: claimed by any node with a lease, so that a cluster
-- publishes each publication once and a dead node's work is taken over. Instants are epoch milliseconds (BIGINT):
-- mysql-connector-j drops fractional seconds of timestamps on MariaDB, which would make jobs run early.
CREATE TABLE publish_job (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id        BIGINT         NOT NULL,
    publication_id   BIGINT         NOT NULL,
    due_at           BIGINT         NOT NULL,
    state            VARCHAR(20)    NOT NULL,
    attempts         INT            NOT NULL DEFAULT 0,
    claimed_by       VARCHAR(100),
    claimed_until    BIGINT,
    idempotency_key  VARCHAR(64)    NOT NULL,
    last_error       VARCHAR(2000),
    created_at       BIGINT         NOT NULL,
    updated_at       BIGINT         NOT NULL,
    CONSTRAINT uq_publish_job UNIQUE (tenant_id, publication_id),
    CONSTRAINT fk_publish_job_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
);
CREATE INDEX ix_publish_job_due ON publish_job (state, due_at);
CREATE INDEX ix_publish_job_lease ON publish_job (state, claimed_until);
