-- The sign-ins at social networks that are under way: a person left for the network's consent screen and will come
-- back to /oauth/callback with a code and the state Herald sent. Only the SHA-256 of that state is kept, so a copy of
-- this table cannot finish anyone's sign-in. In the platform schema because the callback must name its tenant before
-- any tenant schema is touched. Rows live minutes; older ones are purged when new sign-ins start.
CREATE TABLE oauth_state (
    state            VARCHAR(64)   NOT NULL PRIMARY KEY,
    tenant_id        BIGINT        NOT NULL,
    channel_id       BIGINT        NOT NULL,
    user_id          BIGINT        NOT NULL,
    network          VARCHAR(20)   NOT NULL,
    -- PKCE (X); kept for every network so that any that asks for it later has one.
    code_verifier    VARCHAR(128)  NOT NULL,
    -- The Mastodon instance; the other networks' addresses come from configuration.
    endpoint         VARCHAR(500),
    -- Sent again with the code, byte for byte as in the authorization request.
    redirect_uri     VARCHAR(500)  NOT NULL,
    -- Mastodon: the app registered at the instance for this sign-in, sealed like channel credentials.
    app_credentials  VARCHAR(2000),
    created_at       BIGINT        NOT NULL,
    used_at          BIGINT,
    CONSTRAINT fk_oauth_state_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
);
CREATE INDEX ix_oauth_state_created ON oauth_state (created_at);
