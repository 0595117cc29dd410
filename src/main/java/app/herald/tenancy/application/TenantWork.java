package app.herald.tenancy.application;

import app.herald.identity.domain.Actor;
import app.herald.tenancy.domain.TenantRef;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * Work in a tenant outside the request that asked for it: for start-up tasks and for screens that read several
 * tenants (a request works in one tenant only). Each call runs on a managed thread in a request context of its own,
 * entered through the {@link TenantGate} as the given person.
 */
@ApplicationScoped
public class TenantWork {

    @Inject
    TenantGate gate;
    @Inject
    Instance<RequestContextController> requestContexts;
    @Resource
    ManagedExecutorService executor;

    /**
     * A controller remembers its own activation, so it is never shared between threads; on one thread, units of work
     * follow each other and one controller serves them all. Kept per thread because making one resolves the request
     * events' observers each time: about 2 % of a publishing node's CPU when made for every entry (ADR 0032).
     */
    private final ThreadLocal<RequestContextController> threadsRequests =
            ThreadLocal.withInitial(() -> requestContexts.get());

    public <T> T in(Actor actor, long tenantId, Function<TenantRef, T> work) {
        try {
            return executor.submit(() -> {
                RequestContextController request = requestContexts.get();
                try {
                    return inNewRequest(request, actor, tenantId, work);
                } finally {
                    requestContexts.destroy(request);
                }
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * As {@link #in}, on the calling thread, which must not be in a request already: a thread of a fixed pool (the job
     * engine's), whose request context controller is made once and kept with the thread.
     */
    public <T> T here(Actor actor, long tenantId, Function<TenantRef, T> work) {
        return inNewRequest(threadsRequests.get(), actor, tenantId, work);
    }

    private <T> T inNewRequest(RequestContextController request, Actor actor, long tenantId,
                               Function<TenantRef, T> work) {
        if (!request.activate()) {
            throw new IllegalStateException("A request context is already active on this thread");
        }
        try {
            return work.apply(gate.enter(actor, tenantId));
        } finally {
            request.deactivate();
        }
    }
}
