-- Single sign-on: an agency's OpenID Connect provider, set up by an owner. The client secret is sealed with the key
-- ring (as channel credentials are); the sign-in name is the agency's part of the address its staff start from.
CREATE TABLE agency_sign_on (
    agency_id        BIGINT         NOT NULL PRIMARY KEY,
    sign_in_name     VARCHAR(40)    NOT NULL,
    issuer           VARCHAR(300)   NOT NULL,
    client_id        VARCHAR(255)   NOT NULL,
    client_secret    VARCHAR(2000)  NOT NULL,
    staff_must_use   BOOLEAN        NOT NULL,
    -- Who may join on their first sign-in: a staff role (NULL: nobody joins by signing in) and their e-mail domains.
    join_role        VARCHAR(20),
    join_domains     VARCHAR(1000),
    updated_at       BIGINT         NOT NULL,
    CONSTRAINT uq_agency_sign_on_name UNIQUE (sign_in_name),
    CONSTRAINT fk_agency_sign_on_agency FOREIGN KEY (agency_id) REFERENCES agency (id) ON DELETE CASCADE
);

-- A person as their agency's provider knows them: (issuer, subject) is who they are there, never their e-mail.
CREATE TABLE user_identity (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id     BIGINT        NOT NULL,
    agency_id   BIGINT        NOT NULL,
    issuer      VARCHAR(300)  NOT NULL,
    subject     VARCHAR(255)  NOT NULL,
    linked_at   BIGINT        NOT NULL,
    CONSTRAINT uq_user_identity UNIQUE (issuer, subject),
    CONSTRAINT fk_user_identity_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_identity_agency FOREIGN KEY (agency_id) REFERENCES agency (id) ON DELETE CASCADE
);
CREATE INDEX ix_user_identity_user ON user_identity (user_id);
