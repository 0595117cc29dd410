package app.herald.engagement.application;

import app.herald.content.domain.Channel;
import app.herald.engagement.domain.Contact;
import app.herald.engagement.domain.ContactIdentity;
import app.herald.engagement.domain.Conversation;
import app.herald.engagement.domain.InboxRule;
import app.herald.engagement.domain.InboxSettings;
import app.herald.engagement.domain.Interaction;
import app.herald.engagement.domain.Reply;
import app.herald.publishing.application.Publications;
import app.herald.publishing.domain.Incoming;
import app.herald.tenancy.domain.TenantDb;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Takes in what one reading of a channel brought, in the caller's transaction: each item once per channel and network
 * item (a second reading of it only applies an edit or a deletion), never the channel's own answers, each person as a
 * contact with their network identity, each word in its conversation (the thread it answers, or a new one), then the
 * client's rules. Only items younger than an hour notify anyone: the backlog read when a channel is first connected
 * arrives quietly.
 *
 * <p>What the items refer to is read in a few queries for the whole reading, and new rows are written in a few steps
 * (contacts, identities, conversations, items), each with one flush, because the persistence context compares every
 * entity it holds at each flush: a flush per item would make a large reading quadratic.
 */
@Stateless
public class Intake {

    static final Duration NOTIFY_WITHIN = Duration.ofHours(1);

    @Inject
    @TenantDb
    EntityManager em;
    @Inject
    Publications publications;
    @Inject
    RuleActions rules;

    /** What a reading changed: new items stored, known ones updated, own answers and repeats left out. */
    public record Taken(int stored, int updated, int skipped) {
    }

    /**
     * Takes the client's intake lock until the transaction ends. Readings of a client's channels share its contacts:
     * two taken in at once would both create a new person's identity, and one would fail on the unique key. Called
     * first in the transaction, before any plain read: on MariaDB (repeatable read) the transaction's snapshot is
     * taken at its first plain read, so the second reading then sees what the first one wrote.
     */
    public void takeTurn() {
        em.find(InboxSettings.class, InboxSettings.THE_ROW, LockModeType.PESSIMISTIC_WRITE);
    }

    public Taken take(Channel channel, Collection<Incoming> read, Instant now) {
        List<Incoming> items = read.stream().filter(i -> !i.fromChannel())
                .sorted(Comparator.comparing(Incoming::occurredAt)).toList();
        if (items.isEmpty()) {
            return new Taken(0, 0, read.size());
        }
        Batch batch = new Batch(channel, items);
        int updated = 0;
        Map<String, Incoming> fresh = new LinkedHashMap<>();
        for (Incoming item : items) {
            Interaction known = batch.interactions.get(item.itemId());
            if (known != null) {
                updated += known.update(item, now) ? 1 : 0;
            } else if (!batch.ownAnswers.containsKey(item.itemId()) && !item.deleted()) {
                fresh.putIfAbsent(item.itemId(), item);
            }
        }
        if (!fresh.isEmpty()) {
            store(batch, List.copyOf(fresh.values()), now);
        }
        return new Taken(fresh.size(), updated, read.size() - fresh.size() - updated);
    }

    private void store(Batch batch, List<Incoming> items, Instant now) {
        Map<String, ContactIdentity> identities = batch.identities(items, now);
        Map<String, Conversation> placed = new HashMap<>();
        for (Incoming item : items) {
            ContactIdentity identity = identities.get(item.author().id());
            Contact contact = em.find(Contact.class, identity.getContactId());
            contact.seen(item.occurredAt());
            if (item.kind().isConversational()) {
                placed.put(item.itemId(), conversationOf(batch, placed, item, contact, now));
            }
        }
        em.flush();
        List<Interaction> stored = new ArrayList<>();
        for (Incoming item : items) {
            ContactIdentity identity = identities.get(item.author().id());
            Conversation conversation = placed.get(item.itemId());
            Interaction interaction = new Interaction(batch.channel.getId(), item, identity.getContactId(),
                    identity.getId(), conversation == null ? null : conversation.getId(), now);
            em.persist(interaction);
            stored.add(interaction);
        }
        em.flush();
        for (int i = 0; i < items.size(); i++) {
            Conversation conversation = placed.get(items.get(i).itemId());
            if (conversation != null) {
                boolean recent = Duration.between(items.get(i).occurredAt(), now).compareTo(NOTIFY_WITHIN) < 0;
                rules.apply(batch.rules, batch.channel, conversation, stored.get(i),
                        em.find(Contact.class, stored.get(i).getContactId()), recent);
            }
        }
    }

    /**
     * The thread an item belongs to: the one of the item it answers (someone's comment, possibly in this same
     * reading, or the client's own answer), the direct-message thread the network names, or a new one opened by
     * this item.
     */
    private Conversation conversationOf(Batch batch, Map<String, Conversation> placed, Incoming item, Contact contact,
                                        Instant now) {
        String who = contact.getName();
        Optional<Conversation> answered = item.parent().flatMap(parent -> Optional.ofNullable(placed.get(parent))
                .or(() -> batch.conversationOfParent(parent).map(id -> em.find(Conversation.class, id))));
        String key = item.thread().map(t -> "dm:" + t).orElse(item.itemId());
        Optional<Conversation> existing = answered.or(() -> Optional.ofNullable(batch.threads.get(key)));
        if (existing.isPresent()) {
            existing.get().heard(item.text(), who, item.occurredAt());
            return existing.get();
        }
        Long ownPost = item.parent().map(batch.ownPosts::get).or(() -> item.root().map(batch.ownPosts::get))
                .orElse(null);
        Conversation conversation = new Conversation(batch.channel.getId(), key, item.kind(), contact.getId(), ownPost,
                item.text(), who, item.occurredAt(), now);
        em.persist(conversation);
        batch.threads.put(key, conversation);
        return conversation;
    }

    /** What the items of one reading refer to, each read in one query. */
    private final class Batch {
        final Channel channel;
        final Map<String, Interaction> interactions = new HashMap<>();
        final Map<String, Reply> ownAnswers = new HashMap<>();
        final Map<String, Long> ownPosts;
        final Map<String, ContactIdentity> identities = new HashMap<>();
        final Map<String, Conversation> threads = new HashMap<>();
        final List<InboxRule> rules;

        Batch(Channel channel, List<Incoming> items) {
            this.channel = channel;
            this.rules = em.createNamedQuery("InboxRule.all", InboxRule.class).getResultList();
            Set<String> referred = new HashSet<>();
            Set<String> keys = new HashSet<>();
            items.forEach(i -> {
                referred.add(i.itemId());
                i.parent().ifPresent(referred::add);
                i.root().ifPresent(referred::add);
                keys.add(i.thread().map(t -> "dm:" + t).orElse(i.itemId()));
            });
            for (List<String> part : parts(referred)) {
                em.createNamedQuery("Interaction.byItems", Interaction.class).setParameter("channelId", channel.getId())
                        .setParameter("itemIds", part).getResultList()
                        .forEach(i -> interactions.put(i.getNetworkItemId(), i));
                em.createNamedQuery("Reply.byNetworkIds", Reply.class).setParameter("channelId", channel.getId())
                        .setParameter("networkIds", part).getResultList()
                        .forEach(r -> ownAnswers.put(r.getNetworkPostId(), r));
            }
            for (List<String> part : parts(keys)) {
                em.createNamedQuery("Conversation.byThreads", Conversation.class)
                        .setParameter("channelId", channel.getId()).setParameter("threadKeys", part).getResultList()
                        .forEach(c -> threads.put(c.getThreadKey(), c));
            }
            ownPosts = publications.byNetworkIds(channel.getId(), referred);
            Set<String> authors = new HashSet<>();
            items.forEach(i -> authors.add(i.author().id()));
            for (List<String> part : parts(authors)) {
                em.createNamedQuery("ContactIdentity.byAccounts", ContactIdentity.class)
                        .setParameter("network", channel.getNetwork()).setParameter("ids", part).getResultList()
                        .forEach(i -> identities.put(i.getNetworkUserId(), i));
            }
        }

        Optional<Long> conversationOfParent(String parentId) {
            Interaction parent = interactions.get(parentId);
            if (parent != null && parent.getConversationId() != null) {
                return Optional.of(parent.getConversationId());
            }
            return Optional.ofNullable(ownAnswers.get(parentId)).map(Reply::getConversationId);
        }

        /**
         * Every author's identity: known ones described anew, new people as a contact each with their first
         * identity, written in two steps (contacts, then identities that name them).
         */
        Map<String, ContactIdentity> identities(List<Incoming> items, Instant now) {
            Map<String, Incoming> newcomers = new LinkedHashMap<>();
            for (Incoming item : items) {
                ContactIdentity known = identities.get(item.author().id());
                if (known != null) {
                    known.seen(item.author(), item.occurredAt());
                } else {
                    newcomers.putIfAbsent(item.author().id(), item);
                }
            }
            if (newcomers.isEmpty()) {
                return identities;
            }
            Map<String, Contact> contacts = new HashMap<>();
            newcomers.forEach((id, first) -> {
                Contact contact = new Contact(first.author().name(), first.occurredAt(), now);
                em.persist(contact);
                contacts.put(id, contact);
            });
            em.flush();
            newcomers.forEach((id, first) -> {
                ContactIdentity identity = new ContactIdentity(contacts.get(id).getId(), channel.getNetwork(),
                        first.author(), first.occurredAt());
                em.persist(identity);
                contacts.get(id).describedBy(List.of(identity));
                identities.put(id, identity);
            });
            em.flush();
            items.stream().filter(i -> newcomers.containsKey(i.author().id()))
                    .forEach(i -> identities.get(i.author().id()).seen(i.author(), i.occurredAt()));
            return identities;
        }
    }

    /** IN lists of a bounded size: some databases refuse very long ones. */
    static <T> List<List<T>> parts(Collection<T> values) {
        List<T> all = new ArrayList<>(values);
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < all.size(); from += 500) {
            parts.add(all.subList(from, Math.min(all.size(), from + 500)));
        }
        return parts;
    }
}
