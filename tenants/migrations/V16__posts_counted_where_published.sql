-- A day's posts are counted from post_performance (one row per publication, indexed by day and channel) when a
-- dashboard asks, no longer added to the day's rollup row when a post goes out: that row is shared by every post of
-- a channel and campaign on a day, and the increment in each publication's transaction made them wait for each other.
ALTER TABLE daily_rollup DROP COLUMN posts_published;
