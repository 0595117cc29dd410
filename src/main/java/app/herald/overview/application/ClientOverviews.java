package app.herald.overview.application;

import app.herald.analytics.application.Analytics;
import app.herald.analytics.domain.Basis;
import app.herald.analytics.domain.Period;
import app.herald.analytics.domain.Totals;
import app.herald.approval.domain.PostState;
import app.herald.content.application.PostLists;
import app.herald.content.application.Posts;
import app.herald.content.domain.PostSearch;
import app.herald.identity.domain.Actor;
import app.herald.overview.domain.Glance;
import app.herald.overview.domain.Overview;
import app.herald.publishing.application.Publications;
import app.herald.tenancy.application.TenantContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** The overviews of the client the request is bound to, each read in one transaction. */
@Stateless
public class ClientOverviews {

    static final Duration WEEK_AHEAD = Duration.ofDays(7);
    static final int RECENT_DAYS = 30;

    @Inject
    TenantContext context;
    @Inject
    Posts posts;
    @Inject
    PostLists lists;
    @Inject
    Publications publications;
    @Inject
    Analytics analytics;

    /** The client's home as this person may see it. */
    public Overview overview(Actor actor) {
        Instant now = Instant.now();
        return new Overview(posts.awaiting(actor), posts.scheduledBetween(actor, now, now.plus(WEEK_AHEAD)),
                publications.countNeedingAttention(),
                analytics.trend(recentDays()));
    }

    /** The client at a glance, for the agency's list of clients. */
    public Glance glance(Actor actor) {
        Instant now = Instant.now();
        Totals recent = analytics.totals(recentDays());
        Long change = recent.followersAtEnd() == null || recent.followersAtStart() == null ? null
                : recent.followersAtEnd() - recent.followersAtStart();
        return new Glance(posts.scheduledBetween(actor, now, now.plus(WEEK_AHEAD)).size(),
                lists.count(actor, inState(PostState.IN_REVIEW)), lists.count(actor, inState(PostState.CLIENT_REVIEW)),
                publications.countNeedingAttention(), recent.followersAtEnd(), change);
    }

    private Period recentDays() {
        return Period.lastDays(RECENT_DAYS, LocalDate.now(context.current().zone()), Basis.ACTIVITY);
    }

    private static PostSearch inState(PostState state) {
        return new PostSearch(Optional.empty(), Optional.of(state));
    }
}
