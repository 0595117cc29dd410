-- One-time links that let a client approver decide on one post without signing in. In the platform schema because
-- the link must name its tenant before any tenant schema is touched. Only a SHA-256 of the secret is stored.
CREATE TABLE review_link (
    id          BIGINT    NOT NULL AUTO_INCREMENT PRIMARY KEY,
    token_hash  CHAR(64)  NOT NULL,
    tenant_id   BIGINT    NOT NULL,
    post_id     BIGINT    NOT NULL,
    user_id     BIGINT    NOT NULL,
    expires_at  BIGINT    NOT NULL,
    used_at     BIGINT,
    created_at  BIGINT    NOT NULL,
    CONSTRAINT uq_review_link_hash UNIQUE (token_hash),
    CONSTRAINT fk_review_link_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id),
    CONSTRAINT fk_review_link_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);
