package app.herald.engagement.application;

import app.herald.content.application.Channels;
import app.herald.content.domain.Channel;
import app.herald.engagement.domain.InboxStream;
import app.herald.jobs.application.Jobs;
import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.Outcome;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.crypto.TokenCipher;
import app.herald.publishing.application.ChannelKeys;
import app.herald.publishing.domain.ChannelAccess;
import app.herald.publishing.domain.InboxRead;
import app.herald.publishing.domain.NetworkInbox;
import app.herald.publishing.domain.PublishResult;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantDb;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The two short transactions around reading a channel: {@link #begin} checks that this attempt holds the channel's job
 * and gathers the channel's keys and each stream's cursor; the network is read outside any transaction; {@link #finish}
 * takes in what came, moves the cursors, keeps renewed tokens and plans the next reading, all in one commit. A
 * failure before that commit leaves the cursors where they were, so nothing is skipped: the next reading brings the
 * same items again and the intake keeps one of each.
 */
@Stateless
public class SyncSteps {

    @Inject
    @TenantDb
    EntityManager em;
    @Inject
    TenantContext context;
    @Inject
    Jobs jobs;
    @Inject
    Channels channels;
    @Inject
    ChannelKeys keys;
    @Inject
    Inboxes inboxes;
    @Inject
    Intake intake;
    @Inject
    InboxQueue queue;
    @Inject
    InboxBadges badges;
    @Inject
    @ConfigProperty(name = "herald.inbox.read-every-seconds", defaultValue = "60")
    long readEverySeconds;
    @Inject
    @ConfigProperty(name = "herald.inbox.look-back-days", defaultValue = "14")
    long lookBackDays;

    /** What {@link #begin} found: read these streams now, or the job is finished with this outcome. */
    public sealed interface Start {
        record Read(long channelId, NetworkInbox inbox, ChannelAccess access, Map<String, Optional<String>> cursors,
                    Instant lookBack) implements Start {
        }

        record Finished(Outcome recorded) implements Start {
        }
    }

    /** One stream's reading. */
    public record StreamRead(String stream, InboxRead result) {
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Start begin(Job job) {
        if (!jobs.holds(job)) {
            throw new Jobs.LeaseLost(job);
        }
        Optional<Channel> found = find(job.subjectId());
        if (found.isEmpty() || !found.get().isActive()) {
            return finished(job, Outcome.done("The channel was removed."));
        }
        Channel channel = found.get();
        Optional<NetworkInbox> inbox = inboxes.of(channel.getNetwork());
        if (inbox.isEmpty()) {
            return finished(job, Outcome.done(channel.getNetwork().label() + " has no inbox in Herald."));
        }
        if (!channel.isConnected()) {
            // Reconnecting the channel plans its reading again.
            return finished(job, Outcome.done(channel.label() + " is not connected."));
        }
        ChannelAccess access;
        try {
            access = keys.open(channel);
        } catch (TokenCipher.CannotDecrypt e) {
            return finished(job, Outcome.done(e.getMessage()));
        }
        Map<String, Optional<String>> cursors = new HashMap<>();
        Map<String, InboxStream> known = streams(channel.getId());
        for (String stream : inbox.get().streams()) {
            cursors.put(stream, Optional.ofNullable(known.get(stream)).flatMap(InboxStream::getCursor));
        }
        return new Start.Read(channel.getId(), inbox.get(), access, cursors,
                Instant.now().minus(Duration.ofDays(lookBackDays)));
    }

    /** Throws {@link Jobs.LeaseLost}, so that nothing of it commits, when another attempt holds the job now. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Outcome finish(Job job, Start.Read read, List<StreamRead> results) {
        intake.takeTurn();
        Instant now = Instant.now();
        Channel channel = channels.find(read.channelId());
        Map<String, InboxStream> known = streams(channel.getId());
        Optional<Instant> wait = Optional.empty();
        boolean more = false;
        int changed = 0;
        for (StreamRead result : results) {
            InboxStream stream = known.computeIfAbsent(result.stream(), name -> {
                InboxStream created = new InboxStream(channel.getId(), name, now);
                em.persist(created);
                return created;
            });
            if (result.result() instanceof InboxRead.Page page) {
                Intake.Taken taken = intake.take(channel, page.items(), now);
                changed += taken.stored() + taken.updated();
                stream.read(page.items().size(), page.cursor(), now);
                more |= page.truncated();
            } else {
                PublishResult why = ((InboxRead.Failed) result.result()).why();
                stream.failed(reason(why), now);
                if (why instanceof PublishResult.Rejected rejected && rejected.reconnect()) {
                    channel.connectionLost(rejected.reason());
                }
                Instant retry = now.plus(why instanceof PublishResult.RetryLater later
                        ? later.askedDelay().orElse(Duration.ofMinutes(5)) : Duration.ofMinutes(15));
                wait = wait.map(w -> w.isAfter(retry) ? w : retry).or(() -> Optional.of(retry));
            }
        }
        keys.keepRenewed(channel, read.access());
        if (changed > 0) {
            badges.recount();
        }
        boolean nudged = queue.dueAsStored(context.current().id(), channel.getId(), job.dueAt()).isAfter(job.dueAt());
        Outcome outcome = more || nudged ? Outcome.next(0, now)
                : wait.<Outcome>map(at -> Outcome.next(0, at))
                .orElseGet(() -> Outcome.next(0, now.plusSeconds(readEverySeconds)));
        jobs.finish(job, outcome);
        return outcome;
    }

    private Optional<Channel> find(long channelId) {
        try {
            return Optional.of(channels.find(channelId));
        } catch (RuleViolation gone) {
            return Optional.empty();
        }
    }

    private Map<String, InboxStream> streams(long channelId) {
        Map<String, InboxStream> byName = new HashMap<>();
        em.createNamedQuery("InboxStream.ofChannel", InboxStream.class).setParameter("channelId", channelId)
                .getResultList().forEach(s -> byName.put(s.getStream(), s));
        return byName;
    }

    private Start finished(Job job, Outcome outcome) {
        jobs.finish(job, outcome);
        return new Start.Finished(outcome);
    }

    private static String reason(PublishResult why) {
        if (why instanceof PublishResult.Rejected r) {
            return r.reason();
        }
        if (why instanceof PublishResult.RetryLater r) {
            return r.reason();
        }
        if (why instanceof PublishResult.Unconfirmed r) {
            return r.reason();
        }
        return "read";
    }
}
