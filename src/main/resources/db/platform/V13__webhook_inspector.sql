-- Herald's own webhook receiver (the inspector): what it received for an endpoint pointed at it, the last 50 kept.
CREATE TABLE webhook_inspection (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    endpoint_id   BIGINT        NOT NULL,
    received_at   BIGINT        NOT NULL,
    message_id    VARCHAR(100),
    event_type    VARCHAR(60),
    signature_ok  BOOLEAN       NOT NULL,
    body          MEDIUMTEXT    NOT NULL,
    CONSTRAINT fk_webhook_inspection_endpoint FOREIGN KEY (endpoint_id) REFERENCES webhook_endpoint (id)
);
CREATE INDEX ix_webhook_inspection_endpoint ON webhook_inspection (endpoint_id, id);
