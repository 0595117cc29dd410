-- Campaigns group posts (each post in at most one) for planning and, later, ROI; tags label posts freely.
CREATE TABLE campaign (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name          VARCHAR(120)  NOT NULL,
    starts_on     DATE          NOT NULL,
    ends_on       DATE          NOT NULL,
    goal          VARCHAR(500),
    budget_cents  BIGINT        NOT NULL DEFAULT 0,
    currency      CHAR(3)       NOT NULL,
    utm_campaign  VARCHAR(100)  NOT NULL,
    colour        CHAR(7)       NOT NULL,
    created_at    BIGINT        NOT NULL,
    CONSTRAINT uq_campaign_name UNIQUE (name)
);

ALTER TABLE post ADD COLUMN campaign_id BIGINT;
ALTER TABLE post ADD CONSTRAINT fk_post_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id);
-- Tags as a normalised, comma-framed list (",autumn,launch,") so that one LIKE finds a whole tag.
ALTER TABLE post ADD COLUMN tags VARCHAR(500) NOT NULL DEFAULT '';
