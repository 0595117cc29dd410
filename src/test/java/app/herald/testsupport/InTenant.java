package app.herald.testsupport;

import app.herald.identity.domain.Actor;
import app.herald.tenancy.application.TenantGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs work the way a request does: in a request context of its own, entered through the real {@link TenantGate}.
 * Lets in-container tests act as a given person in several tenants one after the other, and in parallel threads.
 */
@ApplicationScoped
public class InTenant {

    @Inject
    TenantGate gate;
    /** One controller per call: a controller remembers its own activation, so it must not be shared by threads. */
    @Inject
    Instance<RequestContextController> requestContexts;

    /**
     * On a fresh thread of its own, so that the calling test's request context is not reused. Plain threads, not
     * managed ones: Payara's managed threads keep a request context across tasks.
     */
    public <T> T call(Actor actor, long tenantId, Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                result.set(callOnThisThread(actor, tenantId, work));
            } catch (RuntimeException e) {
                failure.set(e);
            }
        }, "in-tenant-" + tenantId);
        thread.start();
        try {
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    /** Work that enters its tenant itself (as a review link does), in a request of its own on a fresh thread. */
    public <T> T inRequest(Supplier<T> work) {
        return call(null, -1, work);
    }

    /** For a thread without a request context (a plain thread the test started): one new context per call. */
    public <T> T callOnThisThread(Actor actor, long tenantId, Supplier<T> work) {
        RequestContextController requestContext = requestContexts.get();
        if (!requestContext.activate()) {
            throw new IllegalStateException("This thread already has a request context: it would be shared");
        }
        try {
            if (actor != null) {
                gate.enter(actor, tenantId);
            }
            return work.get();
        } finally {
            requestContext.deactivate();
            requestContexts.destroy(requestContext);
        }
    }
}
