package app.herald.publishing.application;

import app.herald.jobs.application.GroupCommit;
import app.herald.jobs.application.JobHandler;
import app.herald.jobs.application.LockConflicts;
import app.herald.jobs.domain.Backoff;
import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.Outcome;
import app.herald.jobs.domain.QueueSettings;
import app.herald.publishing.domain.PublishResult;
import app.herald.tenancy.application.TenantJobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishing on the job engine. Each job is one publication, claimed a little ahead and started at its exact due
 * instant; it enters the job's tenant as Herald's publisher, and between the two short transactions of
 * {@link PublishSteps} asks the network whether an earlier attempt arrived (when one may have) and publishes. No
 * engine thread waits for the network meanwhile, so the engine's few threads do database work only and a slow network
 * delays nothing else. A connector's own bug counts as "unconfirmed": Herald cannot know whether the request went out.
 */
@ApplicationScoped
public class PublishHandler implements JobHandler {

    static final Duration TENANT_UNAVAILABLE_WAIT = Duration.ofMinutes(5);

    @Inject
    TenantJobs tenants;
    @Inject
    PublishSteps steps;
    @Inject
    Deliveries deliveries;
    @Inject
    @ConfigProperty(name = "herald.publish.enabled", defaultValue = "true")
    boolean enabled;
    @Inject
    @ConfigProperty(name = "herald.publish.concurrency", defaultValue = "16")
    int concurrency;
    @Inject
    @ConfigProperty(name = "herald.publish.batch", defaultValue = "50")
    int batch;
    @Inject
    @ConfigProperty(name = "herald.publish.lookahead-millis", defaultValue = "2000")
    long lookaheadMillis;
    @Inject
    @ConfigProperty(name = "herald.publish.lease-seconds", defaultValue = "60")
    long leaseSeconds;
    @Inject
    @ConfigProperty(name = "herald.publish.max-claimed", defaultValue = "500")
    int maxClaimed;
    @Inject
    @ConfigProperty(name = "herald.publish.max-attempts", defaultValue = "5")
    int maxAttempts;
    @Inject
    @ConfigProperty(name = "herald.publish.retry-base-seconds", defaultValue = "30")
    long retryBaseSeconds;
    @Inject
    @ConfigProperty(name = "herald.publish.rounds", defaultValue = "2")
    int rounds;
    @Inject
    @ConfigProperty(name = "herald.publish.round-most", defaultValue = "100")
    int roundMost;

    /** Each client's group commits: a transaction works in one client only (TenantContext), so a round does too. */
    private final Map<Long, GroupCommit<Job, PublishSteps.Start>> starts = new ConcurrentHashMap<>();
    private final Map<Long, GroupCommit<PublishSteps.Answer, Outcome>> answers = new ConcurrentHashMap<>();

    @Override
    public String queue() {
        return PublishQueue.QUEUE;
    }

    @Override
    public QueueSettings settings() {
        return QueueSettings.of(concurrency, Duration.ofSeconds(leaseSeconds)).enabled(enabled)
                .lookahead(Duration.ofMillis(lookaheadMillis), maxClaimed).batch(batch)
                .retries(maxAttempts, new Backoff(Duration.ofSeconds(retryBaseSeconds), Duration.ofHours(1)));
    }

    /**
     * Begins (the first transaction), then hands the post to the network on an engine thread, in the tenant; a
     * connector that sends one request lets go of that thread while the network answers. The answer is recorded (the
     * second transaction) on one of the engine's threads again, in the tenant entered anew. Both transactions are
     * group commits: a publication is begun, and its answer recorded, alone when they come slower than they are
     * written, and together with the others waiting when they come faster.
     */
    @Override
    public CompletionStage<Outcome> start(Job job, Executor engineThreads) {
        return starts.computeIfAbsent(job.tenantId(), client -> new GroupCommit<>(this::begunTogether,
                this::begunAlone, rounds, roundMost)).record(job).thenComposeAsync(start -> {
            if (start instanceof PublishSteps.Start.Finished finished) {
                return CompletableFuture.completedFuture(finished.recorded());
            }
            PublishSteps.Prepared prepared = ((PublishSteps.Start.Send) start).prepared();
            return tenants.run(job, PublishSteps.PUBLISHER, TENANT_UNAVAILABLE_WAIT,
                    ref -> deliveries.sendLater(prepared.channel(), prepared.access(), prepared.outgoing(),
                            prepared.attempt()), PublishHandler::notSent)
                    .thenComposeAsync(result -> answers.computeIfAbsent(job.tenantId(), client -> new GroupCommit<>(
                            this::recordedTogether, this::recordedAlone, rounds, roundMost))
                            .record(new PublishSteps.Answer(job, prepared, result)), engineThreads);
        }, engineThreads);
    }

    /** The client became unavailable between beginning and sending (it was deactivated in that instant). */
    private static CompletableFuture<PublishResult> notSent(Outcome unavailable) {
        return CompletableFuture.completedFuture(new PublishResult.RetryLater("Herald did not send: the client "
                + "became unavailable as sending began."));
    }

    private List<PublishSteps.Start> begunTogether(List<Job> round) {
        return tenants.run(round.get(0), PublishSteps.PUBLISHER, TENANT_UNAVAILABLE_WAIT,
                ref -> steps.beginAll(round), outcome -> Collections.nCopies(round.size(),
                        new PublishSteps.Start.Finished(outcome)));
    }

    private PublishSteps.Start begunAlone(Job job) {
        return tenants.run(job, PublishSteps.PUBLISHER, TENANT_UNAVAILABLE_WAIT, ref -> steps.begin(job),
                PublishSteps.Start.Finished::new);
    }

    private List<Outcome> recordedTogether(List<PublishSteps.Answer> round) {
        return tenants.run(round.get(0).job(), PublishSteps.PUBLISHER, TENANT_UNAVAILABLE_WAIT,
                ref -> LockConflicts.retried(() -> steps.finishAll(round)),
                outcome -> Collections.nCopies(round.size(), outcome));
    }

    private Outcome recordedAlone(PublishSteps.Answer answer) {
        // The network has answered: on a lock conflict only the recording is tried again, not the sending.
        return tenants.run(answer.job(), PublishSteps.PUBLISHER, TENANT_UNAVAILABLE_WAIT,
                ref -> LockConflicts.retried(() -> steps.finish(answer.job(), answer.prepared(), answer.result())));
    }
}
