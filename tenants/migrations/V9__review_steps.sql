-- A client's own internal review steps, in order. Without any, one step "Agency review" of owners and managers applies.
CREATE TABLE review_step (
    id            BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    position      INT            NOT NULL,
    name          VARCHAR(80)    NOT NULL,
    everyone      BOOLEAN        NOT NULL,
    approver_ids  VARCHAR(1000)  NOT NULL
);
