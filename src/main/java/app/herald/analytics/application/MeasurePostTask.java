package app.herald.analytics.application;

import app.herald.analytics.domain.AnalyticsJob;
import app.herald.analytics.domain.Cadence;
import app.herald.publishing.application.Connectors;
import app.herald.publishing.domain.MetricReading;
import app.herald.publishing.domain.NetworkConnector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Measures a published post at one checkpoint of its {@link Cadence} and plans the next. A network that cannot be
 * read is asked again with a growing wait; after {@link RetryBackoff#MAX_ATTEMPTS} the checkpoint is given up, the
 * post shows why, and the next checkpoint still happens.
 */
@ApplicationScoped
public class MeasurePostTask implements AnalyticsTask {

    private static final Logger LOG = Logger.getLogger(MeasurePostTask.class.getName());

    @Inject
    MeasureSteps steps;
    @Inject
    Connectors connectors;

    @Override
    public AnalyticsJob.Kind kind() {
        return AnalyticsJob.Kind.POST;
    }

    @Override
    public Outcome run(AnalyticsJob job) {
        Instant now = Instant.now();
        MeasureSteps.Opened opened = steps.openPost(job.subjectId(), now);
        if (opened.channel() == null) {
            return new Outcome.Done(Optional.of(opened.problem()));
        }
        if (opened.waitUntil() != null) {
            return new Outcome.Retry(opened.waitUntil(), opened.problem());
        }
        Optional<NetworkConnector> connector = connectors.of(opened.channel().getNetwork());
        if (!opened.ready() || connector.isEmpty()) {
            String problem = opened.problem() != null ? opened.problem()
                    : "Herald cannot read " + opened.channel().getNetwork().label() + " yet.";
            return failed(job, opened.publishedAt(), problem, now);
        }
        MetricReading reading;
        try {
            reading = connector.get().fetchMetrics(opened.access(), opened.networkPostId());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Reading post metrics failed", e);
            return failed(job, opened.publishedAt(), e.getMessage(), now);
        }
        steps.recordPost(job.subjectId(), job.step(), reading, opened.access());
        return next(job, opened.publishedAt(), now);
    }

    private Outcome failed(AnalyticsJob job, Instant publishedAt, String problem, Instant now) {
        if (!RetryBackoff.exhausted(job.attempts())) {
            return new Outcome.Retry(now.plus(RetryBackoff.after(job.attempts())), problem);
        }
        steps.postFailed(job.subjectId(), "Checkpoint " + (job.step() + 1) + " could not be read: " + problem);
        return next(job, publishedAt, now);
    }

    private static Outcome next(AnalyticsJob job, Instant publishedAt, Instant now) {
        int step = job.step() + 1;
        Optional<Instant> due = Cadence.due(step, publishedAt);
        // A job that ran late (a node was down) skips checkpoints already behind it instead of reading them all now.
        while (due.isPresent() && due.get().isBefore(now) && step < Cadence.CHECKPOINTS.size() - 1) {
            due = Cadence.due(++step, publishedAt);
        }
        int planned = step;
        return due.<Outcome>map(d -> new Outcome.Next(planned, d)).orElseGet(() -> new Outcome.Done(Optional.empty()));
    }
}
