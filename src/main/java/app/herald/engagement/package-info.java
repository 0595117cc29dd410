/**
 * Engagement, the social-networking half: one inbox per client for what people say and do to its accounts (comments,
 * replies, mentions, quotes, messages, likes, reposts, follows), read from each network on the job engine; the
 * conversations the agency works through (state, assignee, tags, priority, notes), answers that go out exactly once
 * as deliveries, with the client's review when it asks for one; rules; the people behind it all (contacts); and the
 * figures that show the relationship growing.
 */
package app.herald.engagement;
