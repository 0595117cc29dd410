package app.herald.analytics.application;

import app.herald.analytics.domain.AnalyticsWork;
import app.herald.analytics.domain.Cadence;
import app.herald.jobs.application.LockConflicts;
import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.Outcome;
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
 * Measures a published post at one checkpoint of its {@link Cadence} and plans the next, in one transaction. A
 * network that cannot be read is asked again with a growing wait; after {@link RetryBackoff#MAX_ATTEMPTS} the
 * checkpoint is given up, the post shows why, and the next checkpoint still happens.
 */
@ApplicationScoped
public class MeasurePostTask implements AnalyticsTask {

    private static final Logger LOG = Logger.getLogger(MeasurePostTask.class.getName());

    @Inject
    MeasureSteps steps;
    @Inject
    Connectors connectors;

    @Override
    public AnalyticsWork kind() {
        return AnalyticsWork.POST;
    }

    @Override
    public Outcome run(Job job) {
        Instant now = Instant.now();
        MeasureSteps.Opened opened = steps.openPost(job.subjectId(), now);
        if (opened.channel() == null) {
            return Outcome.done(opened.problem());
        }
        if (opened.waitUntil() != null) {
            return Outcome.retry(opened.waitUntil(), opened.problem());
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
        Outcome next = next(job, opened.publishedAt(), now);
        LockConflicts.retried(() -> {
            steps.recordPost(job, reading, opened.access(), next);
            return null;
        });
        return next;
    }

    private Outcome failed(Job job, Instant publishedAt, String problem, Instant now) {
        if (!RetryBackoff.exhausted(job.attempts())) {
            return Outcome.retry(now.plus(RetryBackoff.after(job.attempts())), problem);
        }
        Outcome next = next(job, publishedAt, now);
        steps.postFailed(job, "Checkpoint " + (job.step() + 1) + " could not be read: " + problem, next);
        return next;
    }

    private static Outcome next(Job job, Instant publishedAt, Instant now) {
        int step = job.step() + 1;
        Optional<Instant> due = Cadence.due(step, publishedAt);
        // A job that ran late (a node was down) skips checkpoints already behind it instead of reading them all now.
        while (due.isPresent() && due.get().isBefore(now) && step < Cadence.CHECKPOINTS.size() - 1) {
            due = Cadence.due(++step, publishedAt);
        }
        int planned = step;
        return due.<Outcome>map(d -> Outcome.next(planned, d)).orElseGet(Outcome::done);
    }
}
