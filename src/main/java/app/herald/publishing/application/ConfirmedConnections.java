package app.herald.publishing.application;

import app.herald.content.domain.Channel;
import app.herald.identity.domain.Actor;
import app.herald.kernel.RuleViolation;
import app.herald.publishing.domain.AccountCheck;
import app.herald.publishing.domain.NetworkConnector;
import app.herald.publishing.infrastructure.WebhookConnector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/**
 * Connecting with typed credentials (a pasted token, an app password, a webhook's new secret): the network is asked
 * who they sign in as, between two short transactions and never inside one, and the channel is connected only when it
 * confirmed, showing the account it named. A refusal changes nothing and says why, in the network's words.
 */
@ApplicationScoped
public class ConfirmedConnections {

    @Inject
    ChannelConnections connections;
    @Inject
    Connectors connectors;

    public Channel connect(Actor actor, long channelId, String endpoint, Map<String, String> credentials) {
        ChannelConnections.Proposal proposal = connections.propose(actor, channelId, endpoint, credentials);
        NetworkConnector connector = connectors.of(proposal.network()).orElseThrow(
                () -> new RuleViolation(proposal.network().label() + " cannot be connected on this Herald."));
        AccountCheck check = connector.whoAmI(proposal.access());
        if (check instanceof AccountCheck.Refused refused) {
            throw new RuleViolation(proposal.network().label() + " did not accept the sign-in: " + refused.reason()
                    + " Nothing was changed.");
        }
        Map<String, String> kept = new HashMap<>(proposal.credentials());
        // A session the check opened (Bluesky) is kept, so publishing need not sign in again at once.
        kept.putAll(proposal.access().renewed());
        return connections.connect(actor, channelId, proposal.address(), kept, ((AccountCheck.Confirmed) check).account());
    }

    /** A new signing secret for a webhook channel, returned once, after its receiver answered a signed test delivery. */
    public String newWebhookSecret(Actor actor, long channelId, String url) {
        String secret = connections.newWebhookSecret(actor, channelId);
        connect(actor, channelId, url, Map.of(WebhookConnector.SIGNING_SECRET, secret));
        return secret;
    }
}
