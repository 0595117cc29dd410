-- Two-factor sign-in (RFC 6238 codes from an authenticator app). The shared secret is sealed with the same key ring as
-- channel credentials; it counts only once confirmed with a first code. last_code_step keeps a code from working twice.
ALTER TABLE app_user ADD COLUMN two_factor_secret VARCHAR(200);
ALTER TABLE app_user ADD COLUMN two_factor_since BIGINT;
ALTER TABLE app_user ADD COLUMN last_code_step BIGINT;

-- Ten single-use codes for a lost phone, stored as SHA-256 (each carries 50 random bits, so no slow hash is needed).
CREATE TABLE recovery_code (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id    BIGINT      NOT NULL,
    code_hash  VARCHAR(64) NOT NULL,
    used_at    BIGINT,
    CONSTRAINT uq_recovery_code UNIQUE (user_id, code_hash),
    CONSTRAINT fk_recovery_code_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);

-- An agency may require every member of its staff to sign in with a second factor.
ALTER TABLE agency ADD COLUMN staff_two_factor BOOLEAN NOT NULL DEFAULT FALSE;

-- Each signed-in session, so that a person sees where they are signed in and can sign the others out. The session
-- knows its own random key; only its SHA-256 is kept here. A row that is ended signs its session out at once.
CREATE TABLE user_session (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id       BIGINT       NOT NULL,
    key_hash      VARCHAR(64)  NOT NULL,
    device        VARCHAR(120) NOT NULL,
    address       VARCHAR(64)  NOT NULL,
    signed_in_at  BIGINT       NOT NULL,
    last_seen_at  BIGINT       NOT NULL,
    ended_at      BIGINT,
    CONSTRAINT uq_user_session_key UNIQUE (key_hash),
    CONSTRAINT fk_user_session_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);
CREATE INDEX ix_user_session_user ON user_session (user_id, last_seen_at);
