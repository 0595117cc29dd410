package app.herald.kernel.net;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Gives the outbound guard the operator's allow-list (herald.outbound.allow) as the node starts. */
@Singleton
@Startup
public class OutboundSettings {

    private static final Logger LOG = Logger.getLogger(OutboundSettings.class.getName());

    @Inject
    @ConfigProperty(name = "herald.outbound.allow")
    Optional<String> allow;

    @PostConstruct
    void apply() {
        String list = allow.orElse("").strip();
        OutboundGuard.configure(list);
        LOG.info(() -> list.isEmpty() ? "Outbound calls: public addresses only"
                : "Outbound calls: public addresses and " + list);
    }
}
