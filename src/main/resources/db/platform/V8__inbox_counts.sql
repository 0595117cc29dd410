-- How many conversations wait for an answer in each client's inbox, kept in the transaction that changes them, so that
-- menus show every client's number with one query instead of one per client schema.
CREATE TABLE inbox_count (
    tenant_id        BIGINT         NOT NULL PRIMARY KEY,
    waiting          INT            NOT NULL,
    updated_at       BIGINT         NOT NULL
);
