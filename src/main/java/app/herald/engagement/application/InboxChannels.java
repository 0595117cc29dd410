package app.herald.engagement.application;

import app.herald.content.application.Channels;
import app.herald.content.domain.Channel;
import app.herald.engagement.domain.InboxStream;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantDb;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The current client's channels as the inbox sees them: which have an inbox, when each was last read and what went
 * wrong, so the inbox can say "reconnect to enable the inbox" or "X only allows ..." instead of staying silent.
 */
@Stateless
public class InboxChannels {

    @Inject
    @TenantDb
    EntityManager em;
    @Inject
    TenantContext context;
    @Inject
    Channels channels;
    @Inject
    Inboxes inboxes;
    @Inject
    InboxQueue queue;

    /** A channel with an inbox: when it was last read and the last problem (null when none), what it cannot do. */
    public record Watched(Channel channel, Instant readAt, String problem, String limits) implements Serializable {
    }

    public List<Watched> watched() {
        List<InboxStream> streams = em.createQuery("SELECT s FROM InboxStream s", InboxStream.class).getResultList();
        return channels.all().stream().filter(c -> inboxes.of(c.getNetwork()).isPresent()).map(c -> {
            List<InboxStream> own = streams.stream().filter(s -> s.getChannelId() == c.getId()).toList();
            Optional<Instant> read = own.stream().map(InboxStream::getReadAt).max(Comparator.naturalOrder());
            Optional<String> problem = !c.isConnected()
                    ? Optional.of("Not connected: connect it under Channels to read its inbox.")
                    : own.stream().map(InboxStream::getProblem).flatMap(Optional::stream).findFirst();
            return new Watched(c, read.orElse(null), problem.orElse(null),
                    inboxes.of(c.getNetwork()).flatMap(i -> i.limits()).orElse(null));
        }).toList();
    }

    /** Makes sure every connected channel with an inbox is being read (channels connected before the inbox came). */
    public void keepReading() {
        long tenant = context.current().id();
        channels.all().stream().filter(c -> c.isConnected() && c.isActive() && inboxes.of(c.getNetwork()).isPresent())
                .forEach(c -> queue.keepReading(tenant, c.getId()));
    }
}
