package app.herald.analytics.application;

import app.herald.analytics.domain.AnalyticsWork;
import app.herald.jobs.application.LockConflicts;
import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.Outcome;
import app.herald.publishing.application.Connectors;
import app.herald.publishing.domain.MetricReading;
import app.herald.publishing.domain.NetworkConnector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads a channel's followers once a day; the reading and the next day's job commit together. A channel that is
 * disconnected keeps its job and is tried again the next day, so its history resumes once it is reconnected.
 */
@ApplicationScoped
public class ReadFollowersTask implements AnalyticsTask {

    static final Duration DAILY = Duration.ofDays(1);

    @Inject
    MeasureSteps steps;
    @Inject
    Connectors connectors;

    @Override
    public AnalyticsWork kind() {
        return AnalyticsWork.CHANNEL;
    }

    @Override
    public Outcome run(Job job) {
        Instant now = Instant.now();
        MeasureSteps.Opened opened = steps.openChannel(job.subjectId(), now);
        if (opened.waitUntil() != null) {
            return Outcome.retry(opened.waitUntil(), opened.problem());
        }
        Optional<NetworkConnector> connector = connectors.of(opened.channel().getNetwork());
        if (!opened.ready() || connector.isEmpty()) {
            return Outcome.retry(now.plus(DAILY), opened.problem() != null ? opened.problem()
                    : "Herald cannot read " + opened.channel().getNetwork().label() + " yet.");
        }
        MetricReading reading;
        try {
            reading = connector.get().fetchChannelMetrics(opened.access());
        } catch (RuntimeException e) {
            return Outcome.retry(now.plus(RetryBackoff.exhausted(job.attempts()) ? DAILY
                    : RetryBackoff.after(job.attempts())), e.getMessage());
        }
        Outcome next = Outcome.next(job.step() + 1, now.plus(DAILY));
        LockConflicts.retried(() -> {
            steps.recordFollowers(job, reading, opened.access(), next);
            return null;
        });
        return next;
    }
}
