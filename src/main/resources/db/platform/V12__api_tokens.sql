-- API tokens: each acts for one member of an agency (whose current role and clients are read on every request),
-- narrowed to some scopes and, optionally, some clients. Only a keyed digest of the token is kept; the prefix finds it.
CREATE TABLE api_token (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    agency_id       BIGINT        NOT NULL,
    user_id         BIGINT        NOT NULL,
    created_by      VARCHAR(254)  NOT NULL,
    name            VARCHAR(100)  NOT NULL,
    prefix          VARCHAR(16)   NOT NULL,
    digest          VARCHAR(100)  NOT NULL,
    scopes          VARCHAR(500)  NOT NULL,
    clients         VARCHAR(2000),
    created_at      BIGINT        NOT NULL,
    expires_at      BIGINT        NOT NULL,
    revoked_at      BIGINT,
    last_used_at    BIGINT,
    last_used_from  VARCHAR(64),
    CONSTRAINT uq_api_token_prefix UNIQUE (prefix),
    CONSTRAINT fk_api_token_agency FOREIGN KEY (agency_id) REFERENCES agency (id)
);
CREATE INDEX ix_api_token_agency ON api_token (agency_id, id);

-- Idempotency-Key: a POST's key, the digest of its body and, once it finished, the answer to replay. Kept a day.
CREATE TABLE api_idempotency (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    token_id      BIGINT        NOT NULL,
    idem_key      VARCHAR(255)  NOT NULL,
    request_hash  VARCHAR(64)   NOT NULL,
    state         VARCHAR(10)   NOT NULL,
    status        INT,
    location      VARCHAR(500),
    body          MEDIUMTEXT,
    created_at    BIGINT        NOT NULL,
    CONSTRAINT uq_api_idempotency_key UNIQUE (token_id, idem_key),
    CONSTRAINT fk_api_idempotency_token FOREIGN KEY (token_id) REFERENCES api_token (id)
);
CREATE INDEX ix_api_idempotency_age ON api_idempotency (token_id, created_at);
