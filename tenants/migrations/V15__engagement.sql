-- The inbox: what people say and do to the client's accounts, the conversations the agency works through, the
-- people behind them, the answers it sends (each a delivery, like a publication), its rules and settings.
-- Tags are kept as ",tag,tag," in one column: a handful per row, filtered with LIKE, no join (ADR 0006).

-- How far each channel's reading of each of its streams has got: the network's own cursor, opaque to Herald.
CREATE TABLE inbox_stream (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    channel_id       BIGINT         NOT NULL,
    stream           VARCHAR(40)    NOT NULL,
    cursor_value     VARCHAR(1000),
    read_at          BIGINT         NOT NULL,
    items_read       BIGINT         NOT NULL DEFAULT 0,
    problem          VARCHAR(1000),
    CONSTRAINT uq_inbox_stream UNIQUE (channel_id, stream)
);

CREATE TABLE contact (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name             VARCHAR(200)   NOT NULL,
    vip              BOOLEAN        NOT NULL DEFAULT FALSE,
    tags             VARCHAR(500)   NOT NULL DEFAULT '',
    note             VARCHAR(4000),
    first_seen_at    BIGINT         NOT NULL,
    last_seen_at     BIGINT         NOT NULL,
    search_text      VARCHAR(1000)  NOT NULL,
    created_at       BIGINT         NOT NULL,
    version          INT            NOT NULL DEFAULT 0
);
CREATE INDEX ix_contact_last_seen ON contact (last_seen_at);
CREATE INDEX ix_contact_first_seen ON contact (first_seen_at);

-- One account of a contact on one network. A contact starts with one; people link several into one by hand.
CREATE TABLE contact_identity (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    contact_id       BIGINT         NOT NULL,
    network          VARCHAR(20)    NOT NULL,
    network_user_id  VARCHAR(300)   NOT NULL,
    handle           VARCHAR(300)   NOT NULL,
    name             VARCHAR(200)   NOT NULL,
    avatar_url       VARCHAR(1000),
    followers        BIGINT,
    first_seen_at    BIGINT         NOT NULL,
    last_seen_at     BIGINT         NOT NULL,
    CONSTRAINT uq_contact_identity UNIQUE (network, network_user_id),
    CONSTRAINT fk_identity_contact FOREIGN KEY (contact_id) REFERENCES contact (id)
);
CREATE INDEX ix_identity_contact ON contact_identity (contact_id);

-- A thread the agency works through: a comment (or mention, quote) with the answers under it, or a direct message
-- thread. NEW while the last word is the other person's, PENDING once the client answered, DONE when closed.
CREATE TABLE conversation (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    channel_id       BIGINT         NOT NULL,
    thread_key       VARCHAR(300)   NOT NULL,
    kind             VARCHAR(20)    NOT NULL,
    contact_id       BIGINT         NOT NULL,
    publication_id   BIGINT,
    preview          VARCHAR(300)   NOT NULL,
    state            VARCHAR(10)    NOT NULL,
    priority         VARCHAR(10)    NOT NULL,
    assignee_id      BIGINT,
    tags             VARCHAR(500)   NOT NULL DEFAULT '',
    inbound_count    INT            NOT NULL DEFAULT 0,
    opened_at        BIGINT         NOT NULL,
    last_inbound_at  BIGINT         NOT NULL,
    last_reply_at    BIGINT,
    waiting_since    BIGINT,
    done_at          BIGINT,
    last_activity_at BIGINT         NOT NULL,
    replying_user_id BIGINT,
    replying_name    VARCHAR(120),
    replying_until   BIGINT,
    search_text      VARCHAR(2000)  NOT NULL,
    created_at       BIGINT         NOT NULL,
    version          INT            NOT NULL DEFAULT 0,
    CONSTRAINT uq_conversation UNIQUE (channel_id, thread_key)
);
CREATE INDEX ix_conversation_state ON conversation (state, last_activity_at);
CREATE INDEX ix_conversation_activity ON conversation (last_activity_at);
CREATE INDEX ix_conversation_assignee ON conversation (assignee_id, state);
CREATE INDEX ix_conversation_contact ON conversation (contact_id);
CREATE INDEX ix_conversation_opened ON conversation (opened_at);

-- Everything that came in, once per channel and network item.
CREATE TABLE interaction (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    channel_id       BIGINT         NOT NULL,
    network_item_id  VARCHAR(300)   NOT NULL,
    kind             VARCHAR(20)    NOT NULL,
    conversation_id  BIGINT,
    contact_id       BIGINT         NOT NULL,
    identity_id      BIGINT         NOT NULL,
    body             MEDIUMTEXT     NOT NULL,
    language         VARCHAR(35),
    network_url      VARCHAR(1000),
    parent_item_id   VARCHAR(300),
    subject_item_id  VARCHAR(300),
    reply_target     VARCHAR(4000),
    occurred_at      BIGINT         NOT NULL,
    received_at      BIGINT         NOT NULL,
    edited_at        BIGINT,
    deleted_at       BIGINT,
    hidden           BOOLEAN        NOT NULL DEFAULT FALSE,
    liked            BOOLEAN        NOT NULL DEFAULT FALSE,
    moderation       VARCHAR(10),
    moderation_problem VARCHAR(1000),
    CONSTRAINT uq_interaction UNIQUE (channel_id, network_item_id)
);
CREATE INDEX ix_interaction_conversation ON interaction (conversation_id, occurred_at);
-- kind too, so that ranking the people of a period (Contacts.top) reads only this index.
CREATE INDEX ix_interaction_contact ON interaction (contact_id, occurred_at, kind);
CREATE INDEX ix_interaction_occurred ON interaction (occurred_at);

-- Internal notes on a conversation; never shown to client users.
CREATE TABLE conversation_note (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    conversation_id  BIGINT         NOT NULL,
    author_id        BIGINT         NOT NULL,
    author_name      VARCHAR(120)   NOT NULL,
    body             VARCHAR(4000)  NOT NULL,
    mentioned_ids    VARCHAR(500)   NOT NULL DEFAULT '',
    created_at       BIGINT         NOT NULL,
    CONSTRAINT fk_note_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id)
);
CREATE INDEX ix_note_conversation ON conversation_note (conversation_id, id);

-- An answer from the inbox: reviewed like a post when the client asks for it, then delivered like a publication
-- (the delivery columns are those of publication).
CREATE TABLE inbox_reply (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    conversation_id  BIGINT         NOT NULL,
    interaction_id   BIGINT         NOT NULL,
    channel_id       BIGINT         NOT NULL,
    author_id        BIGINT         NOT NULL,
    author_name      VARCHAR(120)   NOT NULL,
    body             TEXT           NOT NULL,
    review_state     VARCHAR(20)    NOT NULL,
    review_step      INT            NOT NULL DEFAULT 0,
    answers_since    BIGINT,
    created_at       BIGINT         NOT NULL,
    due_at           BIGINT         NOT NULL,
    state            VARCHAR(20)    NOT NULL,
    attempts         INT            NOT NULL DEFAULT 0,
    idempotency_key  VARCHAR(64)    NOT NULL,
    network_post_id  VARCHAR(500),
    network_url      VARCHAR(1000),
    reason           VARCHAR(2000),
    next_attempt_at  BIGINT,
    published_at     BIGINT,
    updated_at       BIGINT         NOT NULL,
    version          INT            NOT NULL DEFAULT 0,
    CONSTRAINT uq_inbox_reply_key UNIQUE (idempotency_key),
    CONSTRAINT fk_reply_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id),
    CONSTRAINT fk_reply_interaction FOREIGN KEY (interaction_id) REFERENCES interaction (id)
);
CREATE INDEX ix_inbox_reply_conversation ON inbox_reply (conversation_id, id);
CREATE INDEX ix_inbox_reply_network ON inbox_reply (channel_id, network_post_id);
CREATE INDEX ix_inbox_reply_published ON inbox_reply (published_at);
CREATE INDEX ix_inbox_reply_review ON inbox_reply (review_state);

-- The review decisions on a reply, as approval_decision holds them for posts.
CREATE TABLE reply_decision (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    reply_id         BIGINT         NOT NULL,
    user_id          BIGINT         NOT NULL,
    user_name        VARCHAR(120)   NOT NULL,
    decided_at       BIGINT         NOT NULL,
    kind             VARCHAR(30)    NOT NULL,
    from_state       VARCHAR(20)    NOT NULL,
    to_state         VARCHAR(20)    NOT NULL,
    step             INT            NOT NULL,
    comment          VARCHAR(2000),
    CONSTRAINT fk_decision_reply FOREIGN KEY (reply_id) REFERENCES inbox_reply (id)
);
CREATE INDEX ix_decision_reply ON reply_decision (reply_id, id);

-- Rules, applied in order to what comes in; conditions left empty match everything.
CREATE TABLE inbox_rule (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    position         INT            NOT NULL,
    name             VARCHAR(80)    NOT NULL,
    enabled          BOOLEAN        NOT NULL DEFAULT TRUE,
    words            VARCHAR(1000)  NOT NULL DEFAULT '',
    pattern          VARCHAR(300),
    networks         VARCHAR(200)   NOT NULL DEFAULT '',
    channel_ids      VARCHAR(500)   NOT NULL DEFAULT '',
    kinds            VARCHAR(200)   NOT NULL DEFAULT '',
    contact_tag      VARCHAR(40),
    vip_only         BOOLEAN        NOT NULL DEFAULT FALSE,
    language         VARCHAR(35),
    add_tag          VARCHAR(40),
    assign_to        BIGINT,
    set_priority     VARCHAR(10),
    mark_done        BOOLEAN        NOT NULL DEFAULT FALSE,
    hide             BOOLEAN        NOT NULL DEFAULT FALSE,
    notify_ids       VARCHAR(500)   NOT NULL DEFAULT '',
    stop_here        BOOLEAN        NOT NULL DEFAULT FALSE,
    created_at       BIGINT         NOT NULL,
    version          INT            NOT NULL DEFAULT 0
);

-- Business hours (minutes after midnight in the client's zone, on the listed ISO days 1 = Monday) and the first-answer
-- target they are measured against.
CREATE TABLE inbox_settings (
    id               INT            NOT NULL PRIMARY KEY,
    reply_approval   VARCHAR(30)    NOT NULL,
    clients_see_inbox BOOLEAN       NOT NULL,
    business_days    VARCHAR(20)    NOT NULL,
    business_start   INT            NOT NULL,
    business_end     INT            NOT NULL,
    sla_minutes      INT            NOT NULL
);
INSERT INTO inbox_settings (id, reply_approval, clients_see_inbox, business_days, business_start, business_end,
                            sla_minutes)
VALUES (1, 'NONE', FALSE, '1,2,3,4,5', 540, 1020, 240);

-- Whose words the Sandbox's audience says: items waiting to be read by the Sandbox inbox, and answers to them.
CREATE TABLE sandbox_incoming (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    channel_id       BIGINT         NOT NULL,
    slot_key         VARCHAR(100)   NOT NULL,
    kind             VARCHAR(20)    NOT NULL,
    person           VARCHAR(40)    NOT NULL,
    body             VARCHAR(4000)  NOT NULL,
    parent_ref       VARCHAR(100),
    subject_ref      VARCHAR(100),
    occurred_at      BIGINT         NOT NULL,
    hidden           BOOLEAN        NOT NULL DEFAULT FALSE,
    deleted          BOOLEAN        NOT NULL DEFAULT FALSE,
    CONSTRAINT uq_sandbox_incoming UNIQUE (channel_id, slot_key)
);
CREATE INDEX ix_sandbox_incoming_read ON sandbox_incoming (channel_id, id);
ALTER TABLE sandbox_post ADD COLUMN in_reply_to VARCHAR(100);

-- Finding the client's own post an incoming item answers.
CREATE INDEX ix_publication_network ON publication (channel_id, network_post_id);
