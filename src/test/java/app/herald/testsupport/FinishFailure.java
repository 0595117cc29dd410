package app.herald.testsupport;

import app.herald.publishing.domain.PublicationPublished;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failure injection into the step that records a publication's outcome: armed for a post, it breaks that step a
 * given number of times, either in the middle (after the publication is marked published and its analytics planned, before the job is
 * finished, the audit written and the transaction committed) or at the very end (at commit, after every statement
 * of the step ran). It observes the publication-published event after Herald's own observers.
 */
@ApplicationScoped
public class FinishFailure {

    public enum Where { MIDWAY, AT_COMMIT }

    private record Armed(Where where, int times) {
    }

    private final Map<String, Armed> armed = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> fired = new ConcurrentHashMap<>();

    @Resource
    TransactionSynchronizationRegistry transactions;

    public void arm(long tenantId, long postId, Where where, int times) {
        armed.put(tenantId + "/" + postId, new Armed(where, times));
    }

    public int fired(long tenantId, long postId) {
        return fired.getOrDefault(tenantId + "/" + postId, new AtomicInteger()).get();
    }

    void published(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) PublicationPublished event) {
        String key = event.tenantId() + "/" + event.postId();
        Armed[] taken = new Armed[1];
        armed.computeIfPresent(key, (k, a) -> {
            taken[0] = a;
            return a.times() > 1 ? new Armed(a.where(), a.times() - 1) : null;
        });
        if (taken[0] == null) {
            return;
        }
        Where where = taken[0].where();
        fired.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        if (where == Where.MIDWAY) {
            throw new IllegalStateException("Injected failure while recording post " + event.postId());
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                throw new IllegalStateException("Injected failure at the commit of post " + event.postId());
            }

            @Override
            public void afterCompletion(int status) {
            }
        });
    }
}
