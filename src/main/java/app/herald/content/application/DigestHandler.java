package app.herald.content.application;

import app.herald.jobs.application.JobHandler;
import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.Outcome;
import app.herald.jobs.domain.QueueSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The daily digest as one recurring job of the cluster, due every morning at 06:00 UTC. */
@ApplicationScoped
public class DigestHandler implements JobHandler {

    static final String QUEUE = "digest";
    private static final LocalTime AT = LocalTime.of(6, 0);

    @Inject
    DailyDigest digest;

    @Override
    public String queue() {
        return QUEUE;
    }

    @Override
    public QueueSettings settings() {
        return QueueSettings.of(1, Duration.ofMinutes(10)).pollEvery(Duration.ofSeconds(30));
    }

    @Override
    public List<Recurring> recurring() {
        return List.of(new Recurring("DAILY", nextRun(Instant.now())));
    }

    @Override
    public Outcome run(Job job) {
        Instant now = Instant.now();
        Outcome next = Outcome.next(job.step() + 1, nextRun(now));
        digest.send(LocalDate.ofInstant(now, ZoneOffset.UTC), Optional.of(job), next);
        return next;
    }

    /** The next 06:00 UTC after the given instant. */
    static Instant nextRun(Instant after) {
        Instant today = LocalDate.ofInstant(after, ZoneOffset.UTC).atTime(AT).toInstant(ZoneOffset.UTC);
        return today.isAfter(after) ? today : today.plus(Duration.ofDays(1));
    }
}
