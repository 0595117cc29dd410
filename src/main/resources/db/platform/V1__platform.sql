-- The platform schema: agencies, users, memberships and the tenant registry.
-- Instants are epoch milliseconds (BIGINT): MariaDB through mysql-connector-j drops fractional seconds.

CREATE TABLE agency (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(120) NOT NULL,
    state       VARCHAR(20)  NOT NULL,
    created_at  BIGINT       NOT NULL,
    CONSTRAINT uq_agency_name UNIQUE (name)
);

CREATE TABLE tenant (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    agency_id       BIGINT       NOT NULL,
    name            VARCHAR(120) NOT NULL,
    schema_name     VARCHAR(50)  NOT NULL,
    time_zone       VARCHAR(60)  NOT NULL,
    state           VARCHAR(20)  NOT NULL,
    schema_version  VARCHAR(50),
    logo            MEDIUMBLOB,
    logo_type       VARCHAR(40),
    created_at      BIGINT       NOT NULL,
    CONSTRAINT uq_tenant_schema UNIQUE (schema_name),
    CONSTRAINT uq_tenant_name UNIQUE (agency_id, name),
    CONSTRAINT fk_tenant_agency FOREIGN KEY (agency_id) REFERENCES agency (id)
);

CREATE TABLE app_user (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email          VARCHAR(254) NOT NULL,
    display_name   VARCHAR(120) NOT NULL,
    password_hash  VARCHAR(255),
    state          VARCHAR(20)  NOT NULL,
    platform_admin BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at     BIGINT       NOT NULL,
    CONSTRAINT uq_user_email UNIQUE (email)
);

-- A user has at most one membership: staff of one agency (tenant_id NULL) or a client user of one tenant.
CREATE TABLE membership (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id      BIGINT      NOT NULL,
    agency_id    BIGINT      NOT NULL,
    tenant_id    BIGINT,
    role         VARCHAR(20) NOT NULL,
    all_tenants  BOOLEAN     NOT NULL DEFAULT TRUE,
    CONSTRAINT uq_membership_user UNIQUE (user_id),
    CONSTRAINT fk_membership_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_membership_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
    CONSTRAINT fk_membership_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

-- The tenants a member is limited to, when all_tenants is false.
CREATE TABLE membership_tenant (
    membership_id BIGINT NOT NULL,
    tenant_id     BIGINT NOT NULL,
    PRIMARY KEY (membership_id, tenant_id),
    CONSTRAINT fk_mt_membership FOREIGN KEY (membership_id) REFERENCES membership (id),
    CONSTRAINT fk_mt_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

-- One-time links (invitations, password resets). Only a SHA-256 of the token is stored.
CREATE TABLE one_time_token (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id     BIGINT      NOT NULL,
    purpose     VARCHAR(20) NOT NULL,
    token_hash  CHAR(64)    NOT NULL,
    expires_at  BIGINT      NOT NULL,
    used_at     BIGINT,
    created_at  BIGINT      NOT NULL,
    CONSTRAINT uq_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_token_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);

-- Failed sign-ins, per account (e-mail) and per client address, for throttling across a cluster.
CREATE TABLE login_failure (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    subject_kind VARCHAR(10)  NOT NULL,
    subject      VARCHAR(254) NOT NULL,
    occurred_at  BIGINT       NOT NULL
);
CREATE INDEX ix_login_failure_subject ON login_failure (subject_kind, subject, occurred_at);
