package app.herald.publishing.application;

import app.herald.content.domain.Network;
import app.herald.publishing.domain.NetworkConnector;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The connector of each network, as CDI found them: a new network is one more bean, and nothing here changes. */
@ApplicationScoped
public class Connectors {

    @Inject
    @Any
    Instance<NetworkConnector> discovered;

    private final Map<Network, NetworkConnector> byNetwork = new EnumMap<>(Network.class);

    @PostConstruct
    void index() {
        for (NetworkConnector connector : discovered) {
            NetworkConnector earlier = byNetwork.put(connector.network(), connector);
            if (earlier != null) {
                throw new IllegalStateException("Two connectors for " + connector.network() + ": "
                        + earlier.getClass().getName() + " and " + connector.getClass().getName());
            }
        }
    }

    public Optional<NetworkConnector> of(Network network) {
        return Optional.ofNullable(byNetwork.get(network));
    }
}
