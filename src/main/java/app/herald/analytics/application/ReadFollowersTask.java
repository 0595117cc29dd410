package app.herald.analytics.application;

import app.herald.analytics.domain.AnalyticsJob;
import app.herald.publishing.application.Connectors;
import app.herald.publishing.domain.MetricReading;
import app.herald.publishing.domain.NetworkConnector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads a channel's followers once a day. A channel that is disconnected keeps its job and is tried again the next
 * day, so its history resumes once it is reconnected.
 */
@ApplicationScoped
public class ReadFollowersTask implements AnalyticsTask {

    static final Duration DAILY = Duration.ofDays(1);

    @Inject
    MeasureSteps steps;
    @Inject
    Connectors connectors;

    @Override
    public AnalyticsJob.Kind kind() {
        return AnalyticsJob.Kind.CHANNEL;
    }

    @Override
    public Outcome run(AnalyticsJob job) {
        Instant now = Instant.now();
        MeasureSteps.Opened opened = steps.openChannel(job.subjectId(), now);
        if (opened.waitUntil() != null) {
            return new Outcome.Retry(opened.waitUntil(), opened.problem());
        }
        Optional<NetworkConnector> connector = connectors.of(opened.channel().getNetwork());
        if (!opened.ready() || connector.isEmpty()) {
            return new Outcome.Retry(now.plus(DAILY), opened.problem() != null ? opened.problem()
                    : "Herald cannot read " + opened.channel().getNetwork().label() + " yet.");
        }
        MetricReading reading;
        try {
            reading = connector.get().fetchChannelMetrics(opened.access());
        } catch (RuntimeException e) {
            return RetryBackoff.exhausted(job.attempts()) ? new Outcome.Retry(now.plus(DAILY), e.getMessage())
                    : new Outcome.Retry(now.plus(RetryBackoff.after(job.attempts())), e.getMessage());
        }
        steps.recordFollowers(job.subjectId(), reading, opened.access());
        return new Outcome.Next(job.step() + 1, now.plus(DAILY));
    }
}
