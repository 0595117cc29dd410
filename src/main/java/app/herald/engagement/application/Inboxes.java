package app.herald.engagement.application;

import app.herald.content.domain.Network;
import app.herald.publishing.domain.NetworkInbox;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The inbox of each network that has one, as CDI found them: a network's inbox is one more bean. */
@ApplicationScoped
public class Inboxes {

    @Inject
    @Any
    Instance<NetworkInbox> discovered;

    private final Map<Network, NetworkInbox> byNetwork = new EnumMap<>(Network.class);

    @PostConstruct
    void index() {
        for (NetworkInbox inbox : discovered) {
            NetworkInbox earlier = byNetwork.put(inbox.network(), inbox);
            if (earlier != null) {
                throw new IllegalStateException("Two inboxes for " + inbox.network() + ": "
                        + earlier.getClass().getName() + " and " + inbox.getClass().getName());
            }
        }
    }

    public Optional<NetworkInbox> of(Network network) {
        return Optional.ofNullable(byNetwork.get(network));
    }
}
