package app.herald.engagement.application;

import app.herald.content.application.Channels;
import app.herald.content.domain.Channel;
import app.herald.engagement.domain.Conversation;
import app.herald.engagement.domain.ConversationNote;
import app.herald.engagement.domain.ConversationState;
import app.herald.engagement.domain.InboxSearch;
import app.herald.engagement.domain.Interaction;
import app.herald.engagement.domain.Priority;
import app.herald.engagement.domain.Tags;
import app.herald.identity.application.Actors;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.paging.PageRequest;
import app.herald.kernel.paging.PagedQuery;
import app.herald.publishing.domain.Moderation;
import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantDb;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The current client's conversations as people find and work them: a page of a search, one conversation, and what
 * people do to them (assign, tag, prioritise, close, reopen, note, hide or like an item), each checked against the
 * person and audited. Bulk actions act on each chosen conversation in one transaction: all or none.
 */
@Stateless
public class Conversations {

    /** How long "someone is replying" shows after the last sign of it. */
    static final Duration REPLYING_SHOWN = Duration.ofSeconds(30);

    @Inject
    @TenantDb
    EntityManager em;
    @Inject
    TenantContext context;
    @Inject
    InboxPolicy policy;
    @Inject
    Channels channels;
    @Inject
    Actors actors;
    @Inject
    Inboxes inboxes;
    @Inject
    InboxOutbox outbox;
    @Inject
    InboxNotifications notifications;
    @Inject
    TenantAuditLog audit;
    @Inject
    InboxBadges badges;

    public long count(Actor actor, InboxSearch search) {
        policy.requireReader(actor);
        return matching(actor, search).count(em);
    }

    /** Newest activity first, or sorted by the offered fields (priority is a filter, not an order). */
    public List<Conversation> page(Actor actor, InboxSearch search, PageRequest request) {
        policy.requireReader(actor);
        return matching(actor, search).rows(em, request);
    }

    private PagedQuery<Conversation> matching(Actor actor, InboxSearch search) {
        PagedQuery<Conversation> query = PagedQuery.of(Conversation.class, "c", "The inbox")
                .orderedBy("c.lastActivityAt DESC").sortable("lastActivityAt", "c.lastActivityAt")
                .sortable("waitingSince", "c.waitingSince")
                .sortable("state", "c.state");
        if (search.words() != null && !search.words().isBlank()) {
            query.containing(search.words().strip(), "c.searchText");
        }
        if (search.state() != null) {
            query.where("c.state = :state", "state", search.state());
        }
        if (search.channelId() != null) {
            query.where("c.channelId = :channel", "channel", search.channelId());
        }
        if (search.network() != null) {
            List<Long> ofNetwork = channels.all().stream().filter(c -> c.getNetwork() == search.network())
                    .map(Channel::getId).toList();
            query.where(ofNetwork.isEmpty() ? "1 = 0" : "c.channelId IN :ofNetwork", ofNetwork.isEmpty()
                    ? new Object[0] : new Object[] {"ofNetwork", ofNetwork});
        }
        if (search.kind() != null) {
            query.where("c.kind = :kind", "kind", search.kind());
        }
        if (search.assignee() != null) {
            query.where(search.assignee() == InboxSearch.NOBODY ? "c.assigneeId IS NULL" : "c.assigneeId = :assignee",
                    search.assignee() == InboxSearch.NOBODY ? new Object[0] : new Object[] {"assignee",
                            search.assignee()});
        }
        if (search.tag() != null && !search.tag().isBlank()) {
            query.where("c.tags LIKE :tag", "tag", Tags.pattern(search.tag()));
        }
        if (Boolean.TRUE.equals(search.answersOwnPost())) {
            query.where("c.publicationId IS NOT NULL");
        }
        if (search.priority() != null) {
            query.where("c.priority = :priority", "priority", search.priority());
        }
        if (search.from() != null) {
            query.where("c.lastActivityAt >= :from", "from", search.from().toEpochMilli());
        }
        if (search.until() != null) {
            query.where("c.lastActivityAt < :until", "until", search.until().toEpochMilli());
        }
        return query;
    }

    public Conversation find(Actor actor, long conversationId) {
        policy.requireReader(actor);
        return find(conversationId);
    }

    /** For services that checked the person themselves: the conversation, or "not found". */
    public Conversation find(long conversationId) {
        return context.require(em.find(Conversation.class, conversationId), "conversation", conversationId);
    }

    /** What was said in it, in order, hidden items included (shown as hidden). */
    public List<Interaction> items(Actor actor, long conversationId) {
        find(actor, conversationId);
        return em.createNamedQuery("Interaction.ofConversation", Interaction.class)
                .setParameter("conversationId", conversationId).getResultList();
    }

    /** The agency's internal notes; the client's people never read them. */
    public List<ConversationNote> notes(Actor actor, long conversationId) {
        find(actor, conversationId);
        if (!actor.isStaff()) {
            throw new AccessDenied(actor.email() + " may not read internal notes");
        }
        return em.createNamedQuery("ConversationNote.of", ConversationNote.class)
                .setParameter("conversationId", conversationId).getResultList();
    }

    public long countInState(ConversationState state) {
        return em.createNamedQuery("Conversation.countInState", Long.class).setParameter("state", state)
                .getSingleResult();
    }

    /**
     * A mark that moves whenever something new comes in or a conversation starts or stops waiting, for screens that
     * refresh when it moves: the newest item's id and the number waiting, each read from an index.
     */
    public String mark() {
        Long newest = em.createNamedQuery("Interaction.newest", Long.class).getSingleResult();
        return (newest == null ? 0 : newest) + ":" + countInState(ConversationState.NEW);
    }

    /** The people a conversation may be assigned to: the agency's writers who may open the client. */
    public Set<Long> assignable() {
        return actors.reviewersOf(context.current().agencyId(), context.current().id());
    }

    public void assign(Actor actor, Collection<Long> conversationIds, Long assignee) {
        policy.requireWorker(actor);
        if (assignee != null && !assignable().contains(assignee)) {
            throw new RuleViolation("Only the agency's owners, managers and editors of this client can be assigned.");
        }
        for (Conversation conversation : each(conversationIds)) {
            conversation.assign(assignee);
            audit.record(actor.email(), "CONVERSATION_ASSIGNED", "conversation " + conversation.getId(),
                    assignee == null ? "nobody" : actors.nameOf(assignee));
            if (assignee != null && assignee != actor.userId()) {
                notifications.assigned(conversation, assignee, actors.nameOf(actor.userId()));
            }
        }
    }

    public void tag(Actor actor, Collection<Long> conversationIds, String tag) {
        policy.requireWorker(actor);
        String clean = Tags.clean(tag);
        for (Conversation conversation : each(conversationIds)) {
            conversation.tag(clean);
            audit.record(actor.email(), "CONVERSATION_TAGGED", "conversation " + conversation.getId(), clean);
        }
    }

    public void untag(Actor actor, long conversationId, String tag) {
        policy.requireWorker(actor);
        find(conversationId).untag(tag);
    }

    public void prioritize(Actor actor, long conversationId, Priority priority) {
        policy.requireWorker(actor);
        find(conversationId).prioritize(priority);
    }

    public void done(Actor actor, Collection<Long> conversationIds) {
        policy.requireWorker(actor);
        Instant now = Instant.now();
        for (Conversation conversation : each(conversationIds)) {
            conversation.done(now);
            audit.record(actor.email(), "CONVERSATION_DONE", "conversation " + conversation.getId(), "");
        }
        badges.recount();
    }

    public void reopen(Actor actor, long conversationId) {
        policy.requireWorker(actor);
        find(conversationId).reopen();
        audit.record(actor.email(), "CONVERSATION_REOPENED", "conversation " + conversationId, "");
        badges.recount();
    }

    /** An internal note; colleagues it mentions (who may work this client) are told by e-mail. */
    public ConversationNote note(Actor actor, long conversationId, String text, Set<Long> mentioned) {
        policy.requireWorker(actor);
        Conversation conversation = find(conversationId);
        Set<Long> known = assignable();
        if (!known.containsAll(mentioned)) {
            throw new RuleViolation("Only the agency's owners, managers and editors of this client can be mentioned.");
        }
        ConversationNote note = new ConversationNote(conversationId, actor.userId(), actors.nameOf(actor.userId()),
                text, mentioned, Instant.now());
        em.persist(note);
        notifications.mentioned(conversation, mentioned.stream().filter(id -> id != actor.userId())
                .collect(java.util.stream.Collectors.toSet()), note.getAuthorName(), note.getBody());
        return note;
    }

    /** The person is writing an answer: colleagues who open the conversation see it for a while. */
    public Optional<String> replying(Actor actor, long conversationId) {
        policy.requireWorker(actor);
        Conversation conversation = find(conversationId);
        Instant now = Instant.now();
        Optional<String> other = conversation.someoneElseReplying(actor.userId(), now);
        if (other.isEmpty()) {
            conversation.replying(actor.userId(), actors.nameOf(actor.userId()), now.plus(REPLYING_SHOWN));
        }
        return other;
    }

    /** Who else is writing an answer now, as this person sees the conversation. */
    public Optional<String> someoneElseReplying(Actor actor, long conversationId) {
        return find(actor, conversationId).someoneElseReplying(actor.userId(), Instant.now());
    }

    /**
     * Hides, shows again, deletes or likes an item: at once in Herald, and on the network where it allows it (then
     * the network's refusal undoes it, with the reason).
     */
    public Interaction moderate(Actor actor, long interactionId, Moderation action) {
        policy.requireWorker(actor);
        Interaction item = em.find(Interaction.class, interactionId);
        if (item == null || item.getConversationId() == null) {
            throw new AccessDenied("No item " + interactionId + " in tenant " + context.current().id());
        }
        Channel channel = channels.find(item.getChannelId());
        boolean onNetwork = inboxes.of(channel.getNetwork())
                .map(inbox -> inbox.moderation(item.getKind()).contains(action)).orElse(false);
        if (!onNetwork && action != Moderation.HIDE && action != Moderation.UNHIDE) {
            throw new RuleViolation(channel.getNetwork().label() + " does not let Herald "
                    + action.label().toLowerCase(java.util.Locale.ROOT) + " this.");
        }
        item.moderate(action, onNetwork, Instant.now());
        if (onNetwork) {
            outbox.moderate(context.current().id(), interactionId, action);
        }
        audit.record(actor.email(), "INBOX_" + action, "conversation " + item.getConversationId(),
                onNetwork ? "on " + channel.getNetwork().label() : "in Herald only");
        return item;
    }

    private List<Conversation> each(Collection<Long> conversationIds) {
        if (conversationIds.isEmpty()) {
            throw new RuleViolation("Choose at least one conversation.");
        }
        if (conversationIds.size() > 500) {
            throw new RuleViolation("Act on at most 500 conversations at once.");
        }
        return conversationIds.stream().distinct().map(this::find).toList();
    }
}
