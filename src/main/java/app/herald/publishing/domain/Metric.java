package app.herald.publishing.domain;

/** The numbers a network may report for a post or a channel. A network reports only those it offers. */
public enum Metric {
    IMPRESSIONS, REACH, LIKES, SHARES, REPLIES, QUOTES, SAVES, LINK_CLICKS, VIDEO_VIEWS, FOLLOWERS
}
