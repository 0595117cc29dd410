-- People who prefer one daily digest to an e-mail per post, and the days whose digest a node has claimed (so that
-- a cluster sends it once).
ALTER TABLE app_user ADD COLUMN daily_digest BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE digest_run (
    run_day     VARCHAR(10)   NOT NULL PRIMARY KEY,
    claimed_at  BIGINT        NOT NULL
);
