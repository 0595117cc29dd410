-- Reusable text per tenant: saved snippets and hashtag groups, inserted into posts from the composer.
CREATE TABLE snippet (
    id          BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind        VARCHAR(20)    NOT NULL,
    name        VARCHAR(80)    NOT NULL,
    body        VARCHAR(2000)  NOT NULL,
    created_at  BIGINT         NOT NULL,
    CONSTRAINT uq_snippet UNIQUE (kind, name)
);
