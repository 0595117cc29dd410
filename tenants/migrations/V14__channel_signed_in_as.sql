-- How the network named the account when the channel was connected (its answer to "who am I?"), shown on the channel.
ALTER TABLE channel ADD COLUMN signed_in_as VARCHAR(200);
