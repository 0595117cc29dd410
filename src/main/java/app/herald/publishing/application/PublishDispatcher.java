package app.herald.publishing.application;

import app.herald.publishing.domain.PublishJob;
import app.herald.publishing.infrastructure.JobQueue;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every node's publishing clock. A non-persistent timer ticks each second: it renews the leases of the jobs this node
 * is working on, then claims jobs that fall due within the look-ahead and schedules each for its exact due instant on
 * a bounded pool of managed threads. The database, not the timer, holds what is due, so any node may die at any time.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PublishDispatcher {

    private static final Logger LOG = Logger.getLogger(PublishDispatcher.class.getName());

    @Inject
    JobQueue queue;
    @Inject
    PublishWorker worker;
    @Resource
    ManagedThreadFactory threads;
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

    private final String node = nodeName();
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean ticking = new AtomicBoolean();
    private ScheduledThreadPoolExecutor pool;
    private volatile Instant lastPurge = Instant.EPOCH;
    /** The last claim stopped because this node had enough work, not because nothing more was due. */
    private volatile boolean backlog;

    @PostConstruct
    void start() {
        pool = new ScheduledThreadPoolExecutor(concurrency, threads);
        pool.setRemoveOnCancelPolicy(true);
        LOG.info(() -> "Publishing on node " + node + " with " + concurrency + " threads" + (enabled ? "" : " (disabled)"));
    }

    @PreDestroy
    void stop() {
        // Jobs not started are left claimed; their leases run out and another node (or this one, restarted) takes them.
        pool.shutdownNow();
    }

    private static String nodeName() {
        String pid = ManagementFactory.getRuntimeMXBean().getName();
        return (pid.length() > 60 ? pid.substring(0, 60) : pid) + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false, info = "herald-publish-tick")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void tick() {
        if (!enabled || !ticking.compareAndSet(false, true)) {
            return;
        }
        try {
            renewLeases();
            claimDue();
            purgeOccasionally();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Publishing tick failed; the next tick tries again", e);
        } finally {
            ticking.set(false);
        }
    }

    /**
     * Claims until this node holds {@code herald.publish.max-claimed} jobs or nothing more is due within the look-ahead;
     * returns how many jobs were claimed.
     */
    public int claimDue() {
        int claimed = 0;
        while (true) {
            int room = Math.min(batch, maxClaimed - inFlight.size());
            if (room <= 0) {
                backlog = true;
                return claimed;
            }
            Instant now = Instant.now();
            List<PublishJob> jobs = queue.claim(node, now, now.plusMillis(lookaheadMillis), leaseEnd(), room);
            for (PublishJob job : jobs) {
                inFlight.add(job.id());
                long delay = Math.max(0, Duration.between(Instant.now(), job.dueAt()).toMillis());
                pool.schedule(() -> run(job), delay, TimeUnit.MILLISECONDS);
            }
            claimed += jobs.size();
            if (jobs.size() < room) {
                backlog = false;
                return claimed;
            }
        }
    }

    private void run(PublishJob job) {
        try {
            worker.work(job, node, this::leaseEnd);
        } finally {
            inFlight.remove(job.id());
            // A burst bigger than one claim: claim again as soon as there is room, not at the next tick.
            if (backlog && inFlight.size() < maxClaimed / 2) {
                claimBetweenTicks();
            }
        }
    }

    private void claimBetweenTicks() {
        if (enabled && ticking.compareAndSet(false, true)) {
            try {
                claimDue();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Claiming between ticks failed; the next tick tries again", e);
            } finally {
                ticking.set(false);
            }
        }
    }

    private void renewLeases() {
        if (!inFlight.isEmpty()) {
            queue.renew(node, Set.copyOf(inFlight), leaseEnd());
        }
    }

    private void purgeOccasionally() {
        Instant now = Instant.now();
        if (Duration.between(lastPurge, now).toMinutes() >= 10) {
            lastPurge = now;
            queue.purgeDone(now.minus(Duration.ofDays(7)));
        }
    }

    private Instant leaseEnd() {
        return Instant.now().plusSeconds(leaseSeconds);
    }
}
