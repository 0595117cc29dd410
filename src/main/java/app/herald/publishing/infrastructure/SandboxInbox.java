package app.herald.publishing.infrastructure;

import app.herald.content.domain.Network;
import app.herald.publishing.application.SandboxFeed;
import app.herald.publishing.domain.ChannelAccess;
import app.herald.publishing.domain.InboxRead;
import app.herald.publishing.domain.Incoming;
import app.herald.publishing.domain.InteractionKind;
import app.herald.publishing.domain.Moderation;
import app.herald.publishing.domain.NetworkInbox;
import app.herald.publishing.domain.Person;
import app.herald.publishing.domain.ReplyTarget;
import app.herald.publishing.domain.SandboxCrowd;
import app.herald.publishing.domain.SandboxIncoming;
import app.herald.tenancy.application.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Sandbox's inbox: what its audience did (the crowd, or a person playing it), read like any network's
 * notifications, newest after the cursor; answers land in the Sandbox feed. Everything a real network's inbox allows,
 * the Sandbox allows: hiding, deleting and liking what was said.
 */
@ApplicationScoped
public class SandboxInbox implements NetworkInbox {

    static final String STREAM = "audience";

    @Inject
    SandboxFeed feed;
    @Inject
    TenantContext context;

    @Override
    public Network network() {
        return Network.SANDBOX;
    }

    @Override
    public List<String> streams() {
        return List.of(STREAM);
    }

    @Override
    public InboxRead read(ChannelAccess channel, String stream, Optional<String> cursor, Instant lookBack, int max) {
        feed.letTheCrowdAct(channel.channelId(), context.current().name(), Instant.now());
        long after = cursor.filter(c -> c.matches("\\d{1,18}")).map(Long::parseLong).orElse(0L);
        List<SandboxIncoming> found = feed.incomingAfter(channel.channelId(), after, max + 1);
        List<SandboxIncoming> taken = found.subList(0, Math.min(max, found.size()));
        List<Incoming> items = taken.stream().filter(i -> !i.getOccurredAt().isBefore(lookBack))
                .map(i -> incoming(channel, i)).toList();
        Optional<String> next = taken.isEmpty() ? Optional.empty()
                : Optional.of(String.valueOf(taken.get(taken.size() - 1).getId()));
        return new InboxRead.Page(items, next, found.size() > max);
    }

    private Incoming incoming(ChannelAccess channel, SandboxIncoming item) {
        Person who = SandboxCrowd.member(item.getPerson()).map(SandboxCrowd.Member::person)
                .orElseGet(() -> new Person("sandbox:" + item.getPerson(), null, item.getPerson(), null, null));
        String url = "/client/sandbox.xhtml?client=" + context.current().id() + "&channel=" + channel.channelId()
                + "#" + item.itemId();
        ReplyTarget target = item.getKind().isConversational() ? ReplyTarget.of(item.itemId()) : null;
        return new Incoming(item.itemId(), item.getKind(), who, item.getBody(), "en", url, null, item.getParentRef(),
                null, target, item.getSubjectRef(), item.getOccurredAt(), false, item.isDeleted(), null);
    }

    @Override
    public Set<Moderation> moderation(InteractionKind kind) {
        return kind.isConversational() ? EnumSet.allOf(Moderation.class) : EnumSet.noneOf(Moderation.class);
    }

    @Override
    public Optional<String> moderate(ChannelAccess channel, Moderation action, ReplyTarget target) {
        return feed.moderate(channel.channelId(), target.parentId(), action);
    }
}
