-- Comments on posts: threaded (one level of replies), with internal notes that client users never see.
CREATE TABLE post_comment (
    id           BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    post_id      BIGINT         NOT NULL,
    parent_id    BIGINT,
    author_id    BIGINT         NOT NULL,
    author_name  VARCHAR(120)   NOT NULL,
    body         VARCHAR(4000)  NOT NULL,
    internal     BOOLEAN        NOT NULL,
    created_at   BIGINT         NOT NULL,
    CONSTRAINT fk_comment_post FOREIGN KEY (post_id) REFERENCES post (id),
    CONSTRAINT fk_comment_parent FOREIGN KEY (parent_id) REFERENCES post_comment (id)
);
CREATE INDEX ix_comment_post ON post_comment (post_id, id);
