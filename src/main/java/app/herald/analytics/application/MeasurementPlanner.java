package app.herald.analytics.application;

import app.herald.analytics.domain.AnalyticsWork;
import app.herald.analytics.domain.BestTimes;
import app.herald.analytics.domain.Cadence;
import app.herald.analytics.infrastructure.RollupStore;
import app.herald.publishing.domain.PublicationPublished;
import app.herald.tenancy.application.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * When a post is published, plans its measurements: its performance row (which counts it on its day) now, the first
 * checkpoint of the {@link Cadence}, and the channel's daily follower reading if it has none yet. Runs inside the
 * transaction that records the publication.
 */
@ApplicationScoped
public class MeasurementPlanner {

    /** A channel's first follower reading soon after its first post, then daily. */
    static final Duration FIRST_FOLLOWER_READING = Duration.ofMinutes(1);

    @Inject
    TenantContext context;
    @Inject
    RollupStore rollups;
    @Inject
    AnalyticsQueue queue;

    void published(@Observes PublicationPublished event) {
        plan(event.publicationId(), event.postId(), event.channelId(), event.campaignId(), event.publishedAt(),
                Instant.now());
    }

    private void plan(long publicationId, long postId, long channelId, Long campaign, Instant publishedAt,
                      Instant now) {
        ZonedDateTime local = publishedAt.atZone(context.current().zone());
        rollups.published(new RollupStore.Placement(publicationId, postId, channelId, campaign), publishedAt,
                local.toLocalDate(), BestTimes.hourOfWeek(local.getDayOfWeek(), local.getHour()));
        int step = Cadence.nextStepAfter(publishedAt, now);
        queue.plan(context.current().id(), AnalyticsWork.POST, publicationId, step,
                Cadence.due(step, publishedAt).orElseThrow());
        queue.planOnce(context.current().id(), AnalyticsWork.CHANNEL, channelId,
                now.plus(FIRST_FOLLOWER_READING));
    }
}
