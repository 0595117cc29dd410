-- Background work for analytics, in the same claim-and-lease form as publish_job: measuring a published post at each
-- checkpoint, reading a channel's followers daily, building a report, and a report schedule's next run. One row per
-- (tenant, kind, subject); `step` says which checkpoint or run is next. Instants are epoch milliseconds.
CREATE TABLE analytics_job (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id        BIGINT         NOT NULL,
    kind             VARCHAR(20)    NOT NULL,
    subject_id       BIGINT         NOT NULL,
    step             INT            NOT NULL DEFAULT 0,
    due_at           BIGINT         NOT NULL,
    state            VARCHAR(20)    NOT NULL,
    attempts         INT            NOT NULL DEFAULT 0,
    claimed_by       VARCHAR(100),
    claimed_until    BIGINT,
    last_error       VARCHAR(2000),
    created_at       BIGINT         NOT NULL,
    updated_at       BIGINT         NOT NULL,
    CONSTRAINT uq_analytics_job UNIQUE (tenant_id, kind, subject_id),
    CONSTRAINT fk_analytics_job_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
);
CREATE INDEX ix_analytics_job_due ON analytics_job (state, due_at);
CREATE INDEX ix_analytics_job_lease ON analytics_job (state, claimed_until);

-- Tracked short links are opened at /l/<code> by anyone: the code names its tenant here, before any tenant schema is
-- touched. The link itself (its target, post and campaign) lives in the tenant's schema.
CREATE TABLE link_route (
    code             VARCHAR(16)    NOT NULL PRIMARY KEY,
    tenant_id        BIGINT         NOT NULL,
    created_at       BIGINT         NOT NULL,
    CONSTRAINT fk_link_route_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE
);

-- White-label reports: the agency's logo (PNG) and colours. A table of its own so that reading an agency (on every
-- request, to check it is active) never loads the logo.
CREATE TABLE agency_brand (
    agency_id        BIGINT         NOT NULL PRIMARY KEY,
    brand_colour     VARCHAR(7),
    accent_colour    VARCHAR(7),
    logo_png         MEDIUMBLOB,
    updated_at       BIGINT         NOT NULL,
    CONSTRAINT fk_agency_brand_agency FOREIGN KEY (agency_id) REFERENCES agency (id) ON DELETE CASCADE
);
