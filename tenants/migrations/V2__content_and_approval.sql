-- Channels, posts with a variant per channel, and the approval workflow's settings and decisions.

CREATE TABLE channel (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    network       VARCHAR(20)   NOT NULL,
    handle        VARCHAR(120)  NOT NULL,
    display_name  VARCHAR(120)  NOT NULL,
    avatar_url    VARCHAR(500),
    active        BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at    BIGINT        NOT NULL,
    CONSTRAINT uq_channel UNIQUE (network, handle)
);

CREATE TABLE post (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    title         VARCHAR(200)  NOT NULL,
    base_text     MEDIUMTEXT    NOT NULL,
    author_id     BIGINT        NOT NULL,
    author_name   VARCHAR(120)  NOT NULL,
    state         VARCHAR(20)   NOT NULL,
    review_step   INT           NOT NULL DEFAULT 0,
    scheduled_at  BIGINT,
    created_at    BIGINT        NOT NULL,
    updated_at    BIGINT        NOT NULL,
    version       INT           NOT NULL DEFAULT 0
);
CREATE INDEX ix_post_state ON post (state);
CREATE INDEX ix_post_scheduled ON post (scheduled_at);

CREATE TABLE variant (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    post_id        BIGINT        NOT NULL,
    channel_id     BIGINT        NOT NULL,
    text           MEDIUMTEXT    NOT NULL,
    first_comment  VARCHAR(2200),
    CONSTRAINT uq_variant UNIQUE (post_id, channel_id),
    CONSTRAINT fk_variant_post FOREIGN KEY (post_id) REFERENCES post (id),
    CONSTRAINT fk_variant_channel FOREIGN KEY (channel_id) REFERENCES channel (id)
);

CREATE TABLE approval_decision (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    post_id      BIGINT        NOT NULL,
    user_id      BIGINT        NOT NULL,
    user_name    VARCHAR(120)  NOT NULL,
    decided_at   BIGINT        NOT NULL,
    kind         VARCHAR(30)   NOT NULL,
    from_state   VARCHAR(20)   NOT NULL,
    to_state     VARCHAR(20)   NOT NULL,
    step         INT           NOT NULL,
    comment      VARCHAR(2000),
    CONSTRAINT fk_decision_post FOREIGN KEY (post_id) REFERENCES post (id)
);
CREATE INDEX ix_decision_post ON approval_decision (post_id, id);

-- The tenant's approval mode; one row. Internal review steps: the agency's owners and managers by default.
CREATE TABLE approval_settings (
    id    INT          NOT NULL PRIMARY KEY,
    mode  VARCHAR(30)  NOT NULL
);
INSERT INTO approval_settings (id, mode) VALUES (1, 'INTERNAL_THEN_CLIENT');
