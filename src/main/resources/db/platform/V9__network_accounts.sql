-- Which client's channel a network's own account id belongs to, kept when a channel is connected: a network that
-- pushes events (Meta's webhooks name only the Page or Instagram account) is answered without opening every client
-- schema. The same account may be connected in more than one client.
CREATE TABLE network_account (
    network          VARCHAR(20)    NOT NULL,
    account_id       VARCHAR(300)   NOT NULL,
    tenant_id        BIGINT         NOT NULL,
    channel_id       BIGINT         NOT NULL,
    PRIMARY KEY (network, account_id, tenant_id, channel_id)
);
CREATE INDEX ix_network_account_channel ON network_account (tenant_id, channel_id);
