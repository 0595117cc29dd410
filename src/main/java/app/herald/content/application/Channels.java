package app.herald.content.application;

import app.herald.content.domain.Channel;
import app.herald.content.domain.ChannelConnected;
import app.herald.content.domain.Network;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantDb;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

/** The current tenant's channels. Connecting real accounts comes with publishing; here they are added by hand. */
@Stateless
public class Channels {

    @Inject
    @TenantDb
    EntityManager em;
    @Inject
    TenantAuditLog audit;
    @Inject
    TenantContext context;
    @Inject
    Event<ChannelConnected> connected;

    public List<Channel> all() {
        return em.createNamedQuery("Channel.all", Channel.class).getResultList();
    }

    public Channel find(long channelId) {
        Channel channel = em.find(Channel.class, channelId);
        if (channel == null) {
            throw new RuleViolation("That channel does not exist in this client's workspace.");
        }
        return channel;
    }

    public Channel add(Actor actor, Network network, String handle, String displayName) {
        if (!actor.writesContent()) {
            throw new AccessDenied(actor.email() + " may not add channels");
        }
        if (network == null) {
            throw new RuleViolation("Choose the channel's network.");
        }
        Channel channel = new Channel(network, handle, displayName, Instant.now());
        if (network == Network.SANDBOX) {
            // The demo network lives inside Herald: there is nothing to sign in to.
            channel.connect(null, null, channel.getHandle(), Instant.now());
        }
        boolean exists = !em.createNamedQuery("Channel.byHandle", Channel.class).setParameter("network", network)
                .setParameter("handle", channel.getHandle()).getResultList().isEmpty();
        if (exists) {
            throw new RuleViolation(network.label() + " " + channel.getHandle() + " is already a channel of this client.");
        }
        em.persist(channel);
        em.flush();
        audit.record(actor.email(), "CHANNEL_ADDED", "channel " + channel.getId(), channel.label());
        if (channel.isConnected()) {
            connected.fire(new ChannelConnected(context.current().id(), channel.getId()));
        }
        return channel;
    }
}
