-- The words of each variant as last approved, so that reviewers of an edited post see what changed.
CREATE TABLE approved_variant (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    post_id      BIGINT      NOT NULL,
    channel_id   BIGINT      NOT NULL,
    text         MEDIUMTEXT  NOT NULL,
    approved_at  BIGINT      NOT NULL,
    CONSTRAINT uq_approved_variant UNIQUE (post_id, channel_id),
    CONSTRAINT fk_approved_post FOREIGN KEY (post_id) REFERENCES post (id)
);
