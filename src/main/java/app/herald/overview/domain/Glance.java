package app.herald.overview.domain;

import java.io.Serializable;

/**
 * One client on the agency's list: posts going out in the next seven days, posts in internal review and waiting for
 * the client, publications that need attention, and the followers now with their change over 30 days (null when no
 * channel has reported followers).
 */
public record Glance(long dueThisWeek, long inInternalReview, long waitingForClient, long needAttention,
                     Long followers, Long followerChange) implements Serializable {

    public String followerTrend() {
        if (followerChange == null || followerChange == 0) {
            return "flat";
        }
        return followerChange > 0 ? "up" : "down";
    }
}
