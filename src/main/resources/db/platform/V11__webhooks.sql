-- Outbound webhooks (Standard Webhooks): an agency's endpoints, each with the events it wants and, optionally, one
-- client; the secret is sealed with the key ring. During a rotation the previous secret signs too, until it expires.
CREATE TABLE webhook_endpoint (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    agency_id        BIGINT        NOT NULL,
    tenant_id        BIGINT,
    url              VARCHAR(2000) NOT NULL,
    events           VARCHAR(500)  NOT NULL,
    secret           VARCHAR(300)  NOT NULL,
    previous_secret  VARCHAR(300),
    previous_until   BIGINT,
    active           BOOLEAN       NOT NULL,
    disabled_reason  VARCHAR(500),
    failing_since    BIGINT,
    created_at       BIGINT        NOT NULL,
    CONSTRAINT fk_webhook_endpoint_agency FOREIGN KEY (agency_id) REFERENCES agency (id)
);
CREATE INDEX ix_webhook_endpoint_agency ON webhook_endpoint (agency_id);

-- The outbox: one row per event and endpoint, written in the transaction of the change and sent by the job engine.
-- The row keeps the payload as sent (the same bytes on every attempt) and the last answer, for the delivery log.
CREATE TABLE webhook_delivery (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    endpoint_id      BIGINT        NOT NULL,
    message_id       VARCHAR(40)   NOT NULL,
    event_type       VARCHAR(40)   NOT NULL,
    payload          TEXT          NOT NULL,
    created_at       BIGINT        NOT NULL,
    attempts         INT           NOT NULL,
    state            VARCHAR(12)   NOT NULL,
    last_attempt_at  BIGINT,
    last_status      INT,
    last_answer      VARCHAR(1000),
    CONSTRAINT uq_webhook_delivery_message UNIQUE (message_id),
    CONSTRAINT fk_webhook_delivery_endpoint FOREIGN KEY (endpoint_id) REFERENCES webhook_endpoint (id)
);
CREATE INDEX ix_webhook_delivery_endpoint ON webhook_delivery (endpoint_id, id);
