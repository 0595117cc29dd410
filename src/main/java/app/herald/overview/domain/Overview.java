package app.herald.overview.domain;

import app.herald.analytics.application.Trend;
import app.herald.content.domain.Post;
import java.util.List;

/**
 * A client's home for one person: the posts whose next decision is theirs, the posts planned for the next seven days
 * that they may see, how many publications need attention, and the last 30 days' analytics.
 */
public record Overview(List<Post> waitingForMe, List<Post> nextSevenDays, long needAttention, Trend lastThirtyDays) {
}
