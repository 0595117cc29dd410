package app.herald.analytics.application;

import app.herald.analytics.domain.AnalyticsWork;
import app.herald.analytics.domain.BestTimes;
import app.herald.analytics.domain.Cadence;
import app.herald.analytics.infrastructure.RollupStore;
import app.herald.publishing.domain.PublicationPublished;
import app.herald.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * When a post is published, plans its measurements: its performance row (which counts it on its day) now, the first
 * checkpoint of the {@link Cadence}, and the channel's daily follower reading if it has none yet. Runs inside the
 * transaction that records the publication, in plain SQL.
 */
@ApplicationScoped
public class MeasurementPlanner {

    /** A channel's first follower reading soon after its first post, then daily. */
    static final Duration FIRST_FOLLOWER_READING = Duration.ofMinutes(1);

    @Inject
    RollupStore rollups;
    @Inject
    AnalyticsQueue queue;

    void published(@Observes PublicationPublished event) {
        plan(event, Instant.now());
    }

    /** In the event's tenant, which is not always the one bound: a round records several tenants' (ADR 0033). */
    private void plan(PublicationPublished event, Instant now) {
        TenantRef tenant = event.tenant();
        Instant publishedAt = event.publishedAt();
        ZonedDateTime local = publishedAt.atZone(tenant.zone());
        rollups.published(tenant, new RollupStore.Placement(event.publicationId(), event.postId(), event.channelId(),
                event.campaignId()), publishedAt, local.toLocalDate(),
                BestTimes.hourOfWeek(local.getDayOfWeek(), local.getHour()));
        int step = Cadence.nextStepAfter(publishedAt, now);
        queue.plan(tenant.id(), AnalyticsWork.POST, event.publicationId(), step,
                Cadence.due(step, publishedAt).orElseThrow());
        queue.planOnce(tenant.id(), AnalyticsWork.CHANNEL, event.channelId(), now.plus(FIRST_FOLLOWER_READING));
    }
}
