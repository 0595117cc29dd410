-- Grants for the application account. Runs once, on MySQL's first start.
-- The account itself is created by the mysql image from MYSQL_USER /
-- MYSQL_PASSWORD (see compose.yaml), so no password is kept in this file;
-- if that user is missing, GRANT fails and the first start stops loudly
-- instead of leaving a password-less account behind.
--
-- Herald owns two kinds of schema and nothing else: `herald` (shared data)
-- and one `herald_t_<id>` per tenant, which it creates, migrates and drops
-- at runtime. So it gets full rights on exactly those names and no global
-- privileges. In a GRANT, `_` is a wildcard too, hence `\_`.
GRANT ALL PRIVILEGES ON `herald`.* TO 'herald'@'%';
GRANT ALL PRIVILEGES ON `herald\_t\_%`.* TO 'herald'@'%';
