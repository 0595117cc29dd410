-- Analytics. Raw readings of each published post (one row per checkpoint; NULL = the network does not offer that
-- number), the latest lifetime numbers per publication, the per-day rollups that dashboards and reports read, daily
-- follower counts, tracked links with their clicks, conversions, and reports. Days are dates in the tenant's zone.
CREATE TABLE metric_snapshot (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    publication_id   BIGINT         NOT NULL,
    checkpoint       INT            NOT NULL,
    taken_at         BIGINT         NOT NULL,
    impressions      BIGINT,
    reach            BIGINT,
    likes            BIGINT,
    shares           BIGINT,
    replies          BIGINT,
    quotes           BIGINT,
    saves            BIGINT,
    link_clicks      BIGINT,
    video_views      BIGINT
);
CREATE INDEX ix_metric_snapshot_publication ON metric_snapshot (publication_id, taken_at);
CREATE INDEX ix_metric_snapshot_taken ON metric_snapshot (taken_at);

CREATE TABLE post_performance (
    publication_id   BIGINT         NOT NULL PRIMARY KEY,
    post_id          BIGINT         NOT NULL,
    channel_id       BIGINT         NOT NULL,
    campaign_id      BIGINT,
    published_at     BIGINT         NOT NULL,
    published_on     DATE           NOT NULL,
    hour_of_week     INT            NOT NULL,
    measured_at      BIGINT,
    checkpoints      INT            NOT NULL DEFAULT 0,
    impressions      BIGINT,
    reach            BIGINT,
    likes            BIGINT,
    shares           BIGINT,
    replies          BIGINT,
    quotes           BIGINT,
    saves            BIGINT,
    link_clicks      BIGINT,
    video_views      BIGINT,
    engagements      BIGINT,
    clicks           BIGINT         NOT NULL DEFAULT 0,
    conversions      BIGINT         NOT NULL DEFAULT 0,
    conversion_value_cents BIGINT   NOT NULL DEFAULT 0,
    -- No foreign key to publication: the row is written with plain SQL in the transaction that marks the publication
    -- published through JPA, and on MariaDB the key check would wait on JPA's own lock of that row.
    last_error       VARCHAR(1000)
);
CREATE INDEX ix_post_performance_published ON post_performance (published_on, channel_id);
CREATE INDEX ix_post_performance_post ON post_performance (post_id);
CREATE INDEX ix_post_performance_channel ON post_performance (channel_id, hour_of_week);

-- Activity per day, channel and campaign (0 = no campaign): what was added on that day.
CREATE TABLE daily_rollup (
    on_day           DATE           NOT NULL,
    channel_id       BIGINT         NOT NULL,
    campaign_id      BIGINT         NOT NULL,
    posts_published  INT            NOT NULL DEFAULT 0,
    impressions      BIGINT,
    reach            BIGINT,
    engagements      BIGINT,
    network_clicks   BIGINT,
    clicks           BIGINT         NOT NULL DEFAULT 0,
    conversions      BIGINT         NOT NULL DEFAULT 0,
    conversion_value_cents BIGINT   NOT NULL DEFAULT 0,
    PRIMARY KEY (on_day, channel_id, campaign_id)
);
CREATE INDEX ix_daily_rollup_campaign ON daily_rollup (campaign_id, on_day);

CREATE TABLE follower_count (
    channel_id       BIGINT         NOT NULL,
    on_day           DATE           NOT NULL,
    followers        BIGINT         NOT NULL,
    taken_at         BIGINT         NOT NULL,
    PRIMARY KEY (channel_id, on_day)
);

CREATE TABLE tracked_link (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code             VARCHAR(16)    NOT NULL,
    publication_id   BIGINT         NOT NULL,
    post_id          BIGINT         NOT NULL,
    channel_id       BIGINT         NOT NULL,
    campaign_id      BIGINT,
    original_url     VARCHAR(2000)  NOT NULL,
    target_url       VARCHAR(3000)  NOT NULL,
    created_at       BIGINT         NOT NULL,
    CONSTRAINT uq_tracked_link_code UNIQUE (code),
    CONSTRAINT uq_tracked_link_url UNIQUE (publication_id, original_url)
);

CREATE TABLE link_click (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    link_id          BIGINT         NOT NULL,
    token            VARCHAR(32)    NOT NULL,
    visitor          VARCHAR(64)    NOT NULL,
    clicked_at       BIGINT         NOT NULL,
    CONSTRAINT uq_link_click_token UNIQUE (token),
    CONSTRAINT fk_link_click_link FOREIGN KEY (link_id) REFERENCES tracked_link (id)
);
CREATE INDEX ix_link_click_visitor ON link_click (link_id, visitor, clicked_at);

CREATE TABLE conversion (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    external_id      VARCHAR(200)   NOT NULL,
    click_id         BIGINT,
    link_id          BIGINT,
    publication_id   BIGINT,
    post_id          BIGINT,
    channel_id       BIGINT,
    campaign_id      BIGINT,
    occurred_at      BIGINT         NOT NULL,
    value_cents      BIGINT         NOT NULL,
    currency         VARCHAR(3)     NOT NULL,
    received_at      BIGINT         NOT NULL,
    CONSTRAINT uq_conversion_external UNIQUE (external_id)
);
CREATE INDEX ix_conversion_occurred ON conversion (occurred_at);

-- The secret that signs conversions sent by the client's site, sealed like channel credentials.
CREATE TABLE conversion_key (
    id               BIGINT         NOT NULL PRIMARY KEY,
    sealed_secret    VARCHAR(2000)  NOT NULL,
    created_at       BIGINT         NOT NULL
);

CREATE TABLE report (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    format           VARCHAR(10)    NOT NULL,
    period_from      DATE           NOT NULL,
    period_to        DATE           NOT NULL,
    basis            VARCHAR(20)    NOT NULL,
    notes            VARCHAR(4000),
    state            VARCHAR(20)    NOT NULL,
    progress         INT            NOT NULL DEFAULT 0,
    requested_by     VARCHAR(200)   NOT NULL,
    requested_at     BIGINT         NOT NULL,
    started_at       BIGINT,
    finished_at      BIGINT,
    file_name        VARCHAR(200),
    problem          VARCHAR(2000),
    schedule_id      BIGINT
);
CREATE INDEX ix_report_requested ON report (requested_at);

-- A finished report's file, apart from its row so that listing the history never reads files.
CREATE TABLE report_file (
    report_id        BIGINT         NOT NULL PRIMARY KEY,
    content          LONGBLOB       NOT NULL,
    CONSTRAINT fk_report_file_report FOREIGN KEY (report_id) REFERENCES report (id)
);

CREATE TABLE report_schedule (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    cadence          VARCHAR(10)    NOT NULL,
    format           VARCHAR(10)    NOT NULL,
    recipients       VARCHAR(2000)  NOT NULL,
    notes            VARCHAR(4000),
    next_run_at      BIGINT         NOT NULL,
    created_by       VARCHAR(200)   NOT NULL,
    created_at       BIGINT         NOT NULL
);
