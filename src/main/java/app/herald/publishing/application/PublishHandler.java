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
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
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

    private static final Logger LOG = Logger.getLogger(PublishHandler.class.getName());
    private static final Duration TENANT_UNAVAILABLE_WAIT = Duration.ofMinutes(5);

    @Inject
    TenantJobs tenants;
    @Inject
    PublishSteps steps;
    @Inject
    Deliveries deliveries;
    @Inject
    PublishedRound publishedRound;
    @Inject
    StartingRound startingRound;
    @Inject
    ChannelKeys keys;
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

    /**
     * Publications to start, of any clients: a round (of one, when one comes alone) starts those that simply go out
     * now in plain SQL ({@link StartingRound}, ADR 0034) and hands each of the others to its client's own group commit
     * in {@link #starts}; so this answers a future of the start.
     */
    private GroupCommit<Job, CompletableFuture<Sending>> starting;
    /**
     * Each client's group commits, for what goes through the client's entities (starting what a round across clients
     * leaves, and any answer but a published post): a persistence context holds one client's rows only
     * (TenantContext), so such a round works in one client. A client's are let go when its last publication in flight
     * is done, so these hold the clients publishing now, not every client the node has served.
     */
    private final Map<Long, GroupCommit<Job, Sending>> starts = new ConcurrentHashMap<>();
    private final Map<Long, GroupCommit<PublishSteps.Answer, Outcome>> answers = new ConcurrentHashMap<>();
    /**
     * Answers that put a post on its network, of any clients: the common answer, recorded by {@link PublishedRound}
     * in plain SQL, so a round is not limited to one client (ADR 0033).
     */
    private GroupCommit<PublishSteps.Answer, Outcome> published;
    /** The engine's threads for this queue, where a round's publications are sent from. */
    private volatile Executor engineThreads;

    @PostConstruct
    void roundsAcrossClients() {
        starting = new GroupCommit<>(this::begunAcrossClients, this::begunInARoundOfOne, rounds, roundMost);
        published = new GroupCommit<>(this::recordedAcrossClients, this::recordedInARoundOfOne, rounds, roundMost);
    }

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
     * Begins (the first transaction) and hands the post to the network; a connector that sends one request lets go of
     * the thread while the network answers. The answer is recorded (the second transaction) on one of the engine's
     * threads again. Both transactions are group commits: a publication is begun, and its answer recorded, alone when
     * they come slower than they are written (on the thread at hand, as if there were no rounds), and together with
     * others waiting when they come faster: with any client's, in plain SQL, when it simply goes out now (ADR 0034)
     * or its answer published the post (ADR 0033), otherwise with its client's, through its entity.
     */
    @Override
    public CompletionStage<Outcome> start(Job job, Executor engineThreads) {
        this.engineThreads = engineThreads;
        return starting.record(job).thenCompose(Function.identity()).thenCompose(sending ->
                sending.finished() != null ? CompletableFuture.completedFuture(sending.finished())
                : sending.answer().thenComposeAsync(result -> recorded(new PublishSteps.Answer(job,
                        sending.prepared(), result)), engineThreads));
    }

    /**
     * An answer that put the post on its network goes to the rounds across clients, any other to its client's own
     * rounds.
     */
    private CompletableFuture<Outcome> recorded(PublishSteps.Answer answer) {
        if (takenByRounds(answer)) {
            return published.record(answer);
        }
        return groupOf(answers, answer.job().tenantId(), this::recordedTogether, this::recordedAlone).record(answer);
    }

    /**
     * The client's group commit in {@code groups}, let go of when idle. A publication that takes it just as it is let
     * go is still recorded by it; one made meanwhile for the same client may give the client a round more for that
     * moment, never a round in two clients.
     */
    private <T, R> GroupCommit<T, R> groupOf(Map<Long, GroupCommit<T, R>> groups, long client,
                                             Function<List<T>, List<R>> together, Function<T, R> alone) {
        return groups.computeIfAbsent(client, c -> new GroupCommit<>(together, alone, rounds, roundMost,
                () -> groups.computeIfPresent(c, (key, group) -> group.idle() ? null : group)));
    }

    /** A begun publication on its way to the network, or the outcome of one that will not be sent now. */
    private record Sending(PublishSteps.Prepared prepared, CompletableFuture<PublishResult> answer, Outcome finished) {

        static Sending of(PublishSteps.Start start,
                          Function<PublishSteps.Prepared, CompletableFuture<PublishResult>> send) {
            if (start instanceof PublishSteps.Start.Send go) {
                return new Sending(go.prepared(), send.apply(go.prepared()), null);
            }
            return new Sending(null, null, ((PublishSteps.Start.Finished) start).recorded());
        }

        static Sending notNow(Outcome outcome) {
            return new Sending(null, null, outcome);
        }
    }

    /**
     * A round across clients: those it started are each handed to the network from an engine thread of its own, the
     * others go to their clients' rounds.
     */
    private List<CompletableFuture<Sending>> begunAcrossClients(List<Job> round) {
        List<Optional<PublishSteps.Prepared>> begun = startingRound.beginAll(round);
        List<CompletableFuture<Sending>> sending = new ArrayList<>();
        for (int i = 0; i < round.size(); i++) {
            Job job = round.get(i);
            sending.add(begun.get(i).map(prepared -> CompletableFuture.completedFuture(new Sending(prepared,
                    sentFromEngineThread(job, prepared), null))).orElseGet(() -> begunInClient(job)));
        }
        return sending;
    }

    /**
     * One that comes alone, or whose round failed, is started as a round of its own: the same plain work, so that its
     * client's factory is not needed for the common case. When that does not hold (a lost lease, a row changed
     * meanwhile), its client's rounds start it through its entity and say why.
     */
    private CompletableFuture<Sending> begunInARoundOfOne(Job job) {
        try {
            return begunAcrossClients(List.of(job)).get(0);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, e, () -> "Job " + job.id() + " is started through its entity");
            return begunInClient(job);
        }
    }

    private CompletableFuture<Sending> begunInClient(Job job) {
        return groupOf(starts, job.tenantId(), this::begunTogether, this::begunAlone).record(job);
    }

    /** Alone: begun and handed to the network in one entry into the client, on this thread. */
    private Sending begunAlone(Job job) {
        return tenants.run(job, PublishSteps.PUBLISHER, TENANT_UNAVAILABLE_WAIT,
                ref -> Sending.of(steps.begin(job), this::send), Sending::notNow);
    }

    /**
     * A round: begun together, then each handed to the network from an engine thread of its own, in the client
     * entered anew (a connector that sends on the calling thread must not hold up the others).
     */
    private List<Sending> begunTogether(List<Job> round) {
        List<PublishSteps.Start> started = tenants.run(round.get(0), PublishSteps.PUBLISHER, TENANT_UNAVAILABLE_WAIT,
                ref -> steps.beginAll(round), outcome -> Collections.nCopies(round.size(),
                        new PublishSteps.Start.Finished(outcome)));
        List<Sending> sending = new ArrayList<>();
        for (int i = 0; i < round.size(); i++) {
            Job job = round.get(i);
            sending.add(Sending.of(started.get(i), prepared -> sentFromEngineThread(job, prepared)));
        }
        return sending;
    }

    /**
     * Handed to the network from an engine thread of its own; in the client entered anew only for a network that lives
     * in the client's schema (the Sandbox): any other is called with the channel's access alone, which the round read
     * as the gate admitted Herald into the client a moment before.
     */
    private CompletableFuture<PublishResult> sentFromEngineThread(Job job, PublishSteps.Prepared prepared) {
        Supplier<CompletableFuture<PublishResult>> sending = deliveries.sendsInTheClient(prepared.channel().network())
                ? () -> tenants.run(job, PublishSteps.PUBLISHER, TENANT_UNAVAILABLE_WAIT, ref -> send(prepared),
                        PublishHandler::notSent)
                : () -> send(prepared);
        return CompletableFuture.supplyAsync(sending, engineThreads).thenCompose(answer -> answer);
    }

    private CompletableFuture<PublishResult> send(PublishSteps.Prepared prepared) {
        return deliveries.sendLater(prepared.channel().network(), prepared.access(), prepared.outgoing(),
                prepared.attempt());
    }

    /** The client became unavailable between beginning and sending (it was deactivated in that instant). */
    private static CompletableFuture<PublishResult> notSent(Outcome unavailable) {
        return CompletableFuture.completedFuture(new PublishResult.RetryLater("Herald did not send: the client "
                + "became unavailable as sending began."));
    }

    private List<Outcome> recordedTogether(List<PublishSteps.Answer> round) {
        return tenants.run(round.get(0).job(), PublishSteps.PUBLISHER, TENANT_UNAVAILABLE_WAIT,
                ref -> LockConflicts.retried(() -> steps.finishAll(round)),
                outcome -> Collections.nCopies(round.size(), outcome));
    }

    /**
     * Whether the rounds across clients record this answer: the post is on its network and nothing about its channel
     * changes (no renewed token, no key ring that moved on). Asked here rather than of the round's bean, whose every
     * call is a container invocation.
     */
    private boolean takenByRounds(PublishSteps.Answer answer) {
        return answer.result() instanceof PublishResult.Published
                && !keys.needsKeeping(answer.prepared().channel(), answer.prepared().access());
    }

    private List<Outcome> recordedAcrossClients(List<PublishSteps.Answer> round) {
        return LockConflicts.retried(() -> publishedRound.recordAll(round));
    }

    /** As {@link #begunInARoundOfOne}, for an answer that published the post. */
    private Outcome recordedInARoundOfOne(PublishSteps.Answer answer) {
        try {
            return recordedAcrossClients(List.of(answer)).get(0);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, e, () -> "Job " + answer.job().id() + " is recorded through its entity");
            return recordedAlone(answer);
        }
    }

    private Outcome recordedAlone(PublishSteps.Answer answer) {
        // The network has answered: on a lock conflict only the recording is tried again, not the sending.
        return tenants.run(answer.job(), PublishSteps.PUBLISHER, TENANT_UNAVAILABLE_WAIT,
                ref -> LockConflicts.retried(() -> steps.finish(answer.job(), answer.prepared(), answer.result())));
    }
}
