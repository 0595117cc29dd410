package app.herald.content.application;

import app.herald.content.domain.ChannelSlot;
import app.herald.content.domain.Post;
import app.herald.content.domain.PostingSlot;
import app.herald.content.domain.SlotSchedule;
import app.herald.content.domain.Variant;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantDb;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Each channel's weekly posting slots, and "add to queue": the post goes to the earliest slot of one of its channels
 * that no other post of that channel occupies.
 */
@Stateless
public class PostingQueue {

    static final int WEEKS_AHEAD = 8;

    @Inject
    @TenantDb
    EntityManager em;
    @Inject
    TenantContext context;
    @Inject
    Channels channels;
    @Inject
    Posts posts;

    public List<ChannelSlot> slotsOf(long channelId) {
        return em.createNamedQuery("ChannelSlot.ofChannel", ChannelSlot.class).setParameter("channelId", channelId)
                .getResultList().stream().sorted(Comparator.comparing(ChannelSlot::slot)).toList();
    }

    public ChannelSlot addSlot(Actor actor, long channelId, PostingSlot slot) {
        requirePlanner(actor);
        channels.find(channelId);
        if (slotsOf(channelId).stream().anyMatch(s -> s.slot().equals(slot))) {
            throw new RuleViolation("That channel already has a slot at that time.");
        }
        ChannelSlot stored = new ChannelSlot(channelId, slot);
        em.persist(stored);
        return stored;
    }

    public void removeSlot(Actor actor, long slotId) {
        requirePlanner(actor);
        Optional.ofNullable(em.find(ChannelSlot.class, slotId)).ifPresent(em::remove);
    }

    /** Schedules the post in the next free slot of its channels after now, keeping its approval. */
    public Instant addToQueue(Actor actor, long postId) {
        requirePlanner(actor);
        posts.find(postId);
        Set<Long> channelIds = posts.variants(postId).stream().map(Variant::getChannelId).collect(Collectors.toSet());
        if (channelIds.isEmpty()) {
            throw new RuleViolation("Choose the post's channels first.");
        }
        Instant now = Instant.now();
        Instant horizon = now.plus(Duration.ofDays(7L * WEEKS_AHEAD + 1));
        List<Post> planned = posts.scheduledBetween(now, horizon).stream().filter(p -> p.getId() != postId).toList();
        Map<Long, Set<Long>> plannedChannels = posts.channelsOf(planned);
        Instant slot = channelIds.stream()
                .map(channel -> nextFree(channel, now, planned, plannedChannels))
                .flatMap(Optional::stream).min(Comparator.naturalOrder())
                .orElseThrow(() -> new RuleViolation("No free posting slot in the next " + WEEKS_AHEAD
                        + " weeks for this post's channels. Add slots under Channels."));
        posts.schedule(actor, postId, slot);
        return slot;
    }

    private Optional<Instant> nextFree(long channelId, Instant after, List<Post> planned,
                                       Map<Long, Set<Long>> plannedChannels) {
        List<PostingSlot> slots = slotsOf(channelId).stream().map(ChannelSlot::slot).toList();
        List<Instant> taken = planned.stream()
                .filter(p -> plannedChannels.getOrDefault(p.getId(), Set.of()).contains(channelId))
                .map(p -> p.getScheduledAt().orElseThrow()).toList();
        return new SlotSchedule(slots, context.current().zone()).nextFree(after, taken, WEEKS_AHEAD);
    }

    private static void requirePlanner(Actor actor) {
        if (!actor.writesContent()) {
            throw new AccessDenied(actor.email() + " may not plan posts");
        }
    }
}
