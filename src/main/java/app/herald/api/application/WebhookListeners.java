package app.herald.api.application;

import app.herald.kernel.Remembered;
import app.herald.tenancy.application.TenantStandings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which agencies have an endpoint switched on, read at most once a second: every published post is announced, most
 * agencies listen to nothing, and asking the platform schema twice per publication to learn that was most of what
 * announcing cost. An endpoint made or switched on on this node is seen at once; on another node within the second.
 */
@ApplicationScoped
public class WebhookListeners {

    @Inject
    WebhookEndpoints endpoints;
    @Inject
    TenantStandings tenants;
    @Resource
    TransactionSynchronizationRegistry transactions;
    @Inject
    @ConfigProperty(name = "herald.webhooks.listeners-millis", defaultValue = "1000")
    long keepMillis;

    private Remembered<Set<Long>> agencies;

    @PostConstruct
    void remember() {
        // Read outside the caller's transaction, as the gate's standings are: the publication that happens to read
        // does not hold its own transaction open (and its connection) while the others wait for the reading.
        agencies = new Remembered<>(endpoints::listeningAgencies, Duration.ofMillis(keepMillis), transactions);
    }

    /** Whether any endpoint of the agency may want an event (which, and for which client, the outbox then asks). */
    public boolean anyIn(long agencyId) {
        return agencies.get().contains(agencyId);
    }

    /** The same for the client's agency; false for a client that is gone. */
    public boolean anyFor(long tenantId) {
        return tenants.of(tenantId).map(client -> anyIn(client.agencyId())).orElse(false);
    }

    /** An endpoint was made or switched on in the caller's transaction. */
    public void forget() {
        agencies.forget();
    }
}
