-- When a network answered "too many requests", the channel rests until then and the channels page says so.
ALTER TABLE channel ADD COLUMN rate_limited_until BIGINT;
