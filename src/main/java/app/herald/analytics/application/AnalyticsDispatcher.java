package app.herald.analytics.application;

import app.herald.analytics.domain.AnalyticsJob;
import app.herald.analytics.infrastructure.AnalyticsQueue;
import app.herald.identity.domain.Actor;
import app.herald.tenancy.application.TenantRegistry;
import app.herald.tenancy.application.TenantWork;
import app.herald.tenancy.domain.Tenant;
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
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every node's analytics clock: every few seconds it renews the leases of the jobs it works on and claims due ones
 * for a small pool, so measurements never crowd out publishing. Each job runs in its tenant as Herald's analyst; what
 * comes next (the next checkpoint, a retry, done) goes back to the queue, fenced by this node's lease.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AnalyticsDispatcher {

    private static final Logger LOG = Logger.getLogger(AnalyticsDispatcher.class.getName());
    private static final Duration TENANT_UNAVAILABLE_WAIT = Duration.ofMinutes(30);

    @Inject
    AnalyticsQueue queue;
    @Inject
    TenantRegistry registry;
    @Inject
    TenantWork tenants;
    @Inject
    Instance<AnalyticsTask> tasks;
    @Inject
    SnapshotRetention snapshots;
    @Resource
    ManagedThreadFactory threads;
    @Inject
    @ConfigProperty(name = "herald.analytics.enabled", defaultValue = "true")
    boolean enabled;
    @Inject
    @ConfigProperty(name = "herald.analytics.concurrency", defaultValue = "4")
    int concurrency;
    @Inject
    @ConfigProperty(name = "herald.analytics.lease-seconds", defaultValue = "300")
    long leaseSeconds;
    @Inject
    @ConfigProperty(name = "herald.analytics.snapshot-retention-days", defaultValue = "400")
    int retentionDays;

    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean ticking = new AtomicBoolean();
    private final Map<AnalyticsJob.Kind, AnalyticsTask> byKind = new EnumMap<>(AnalyticsJob.Kind.class);
    private ThreadPoolExecutor pool;
    private volatile Instant lastPurge = Instant.EPOCH;

    @PostConstruct
    void start() {
        tasks.forEach(task -> byKind.put(task.kind(), task));
        pool = new ThreadPoolExecutor(concurrency, concurrency, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(),
                threads);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false, info = "herald-analytics-tick")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void tick() {
        if (!enabled || !ticking.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!inFlight.isEmpty()) {
                queue.renew(node, Set.copyOf(inFlight), leaseEnd());
            }
            int room = concurrency * 2 - inFlight.size();
            if (room > 0) {
                for (AnalyticsJob job : queue.claim(node, Instant.now(), leaseEnd(), room)) {
                    inFlight.add(job.id());
                    pool.execute(() -> run(job));
                }
            }
            purgeOccasionally();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Analytics tick failed; the next tick tries again", e);
        } finally {
            ticking.set(false);
        }
    }

    private void run(AnalyticsJob job) {
        try {
            AnalyticsTask.Outcome outcome = work(job);
            if (outcome instanceof AnalyticsTask.Outcome.Next next) {
                queue.next(node, job.id(), next.step(), next.due(), null);
            } else if (outcome instanceof AnalyticsTask.Outcome.Retry retry) {
                queue.next(node, job.id(), job.step(), retry.due(), retry.problem());
            } else if (outcome instanceof AnalyticsTask.Outcome.Done done) {
                queue.done(node, job.id(), done.problem().orElse(null));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Analytics job " + job.id() + " (" + job.kind() + ") failed", e);
            queue.next(node, job.id(), job.step(), Instant.now().plus(TENANT_UNAVAILABLE_WAIT), String.valueOf(e));
        } finally {
            inFlight.remove(job.id());
        }
    }

    private AnalyticsTask.Outcome work(AnalyticsJob job) {
        Optional<Tenant> tenant = registry.find(job.tenantId());
        if (tenant.isEmpty()) {
            return new AnalyticsTask.Outcome.Done(Optional.of("The client was deleted."));
        }
        if (!tenant.get().isActive()) {
            return new AnalyticsTask.Outcome.Retry(Instant.now().plus(TENANT_UNAVAILABLE_WAIT),
                    "The client is deactivated.");
        }
        AnalyticsTask task = byKind.get(job.kind());
        if (task == null) {
            return new AnalyticsTask.Outcome.Done(Optional.of("No task runs " + job.kind() + " jobs."));
        }
        Actor analyst = Actor.system(tenant.get().getAgencyId(), job.tenantId(), "analytics@herald");
        return tenants.here(analyst, job.tenantId(), ref -> task.run(job));
    }

    private void purgeOccasionally() {
        Instant now = Instant.now();
        if (Duration.between(lastPurge, now).toHours() >= 1) {
            lastPurge = now;
            queue.purgeDone(now.minus(Duration.ofDays(7)));
            purgeSnapshots(now.minus(Duration.ofDays(retentionDays)));
        }
    }

    private void purgeSnapshots(Instant before) {
        for (Tenant tenant : registry.all()) {
            if (tenant.isActive()) {
                try {
                    tenants.in(Actor.system(tenant.getAgencyId(), tenant.getId(), "analytics@herald"), tenant.getId(),
                            ref -> snapshots.purge(before));
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Purging old snapshots of tenant " + tenant.getId() + " failed", e);
                }
            }
        }
    }

    private Instant leaseEnd() {
        return Instant.now().plusSeconds(leaseSeconds);
    }
}
