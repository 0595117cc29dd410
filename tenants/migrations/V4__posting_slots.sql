-- Weekly posting slots per channel, as wall-clock times in the tenant's zone (see docs/scheduling.md).
CREATE TABLE posting_slot (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    channel_id   BIGINT      NOT NULL,
    day_of_week  VARCHAR(10) NOT NULL,
    local_time   CHAR(5)     NOT NULL,
    CONSTRAINT uq_posting_slot UNIQUE (channel_id, day_of_week, local_time),
    CONSTRAINT fk_slot_channel FOREIGN KEY (channel_id) REFERENCES channel (id)
);
