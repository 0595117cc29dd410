-- Connecting channels to their networks, and one publication per variant that goes out: its state, attempts, and
-- the network's id and link once published. Credentials are AES-GCM ciphertext (see docs/operations.md).
ALTER TABLE channel ADD COLUMN endpoint VARCHAR(500);
ALTER TABLE channel ADD COLUMN credentials MEDIUMTEXT;
ALTER TABLE channel ADD COLUMN connected_at BIGINT;
ALTER TABLE channel ADD COLUMN connection_problem VARCHAR(1000);

CREATE TABLE publication (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    post_id          BIGINT         NOT NULL,
    channel_id       BIGINT         NOT NULL,
    due_at           BIGINT         NOT NULL,
    state            VARCHAR(20)    NOT NULL,
    attempts         INT            NOT NULL DEFAULT 0,
    idempotency_key  VARCHAR(64)    NOT NULL,
    network_post_id  VARCHAR(500),
    network_url      VARCHAR(1000),
    reason           VARCHAR(2000),
    next_attempt_at  BIGINT,
    published_at     BIGINT,
    updated_at       BIGINT         NOT NULL,
    version          INT            NOT NULL DEFAULT 0,
    CONSTRAINT uq_publication UNIQUE (post_id, channel_id),
    CONSTRAINT uq_publication_key UNIQUE (idempotency_key),
    CONSTRAINT fk_publication_post FOREIGN KEY (post_id) REFERENCES post (id),
    CONSTRAINT fk_publication_channel FOREIGN KEY (channel_id) REFERENCES channel (id)
);
CREATE INDEX ix_publication_state ON publication (state, due_at);

-- The Sandbox network's feed: what Herald's built-in demo network "published" for this tenant.
CREATE TABLE sandbox_post (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    channel_id       BIGINT         NOT NULL,
    idempotency_key  VARCHAR(64)    NOT NULL,
    text             MEDIUMTEXT     NOT NULL,
    media_count      INT            NOT NULL,
    posted_at        BIGINT         NOT NULL,
    CONSTRAINT uq_sandbox_post_key UNIQUE (idempotency_key)
);
CREATE INDEX ix_sandbox_post_channel ON sandbox_post (channel_id, posted_at);
