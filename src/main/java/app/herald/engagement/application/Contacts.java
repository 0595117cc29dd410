package app.herald.engagement.application;

import app.herald.engagement.domain.Contact;
import app.herald.engagement.domain.ContactIdentity;
import app.herald.engagement.domain.Conversation;
import app.herald.engagement.domain.Interaction;
import app.herald.engagement.domain.Tags;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.paging.PageRequest;
import app.herald.kernel.paging.PagedQuery;
import app.herald.kernel.sql.Jdbc;
import app.herald.publishing.domain.InteractionKind;
import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantDb;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The current client's contacts: the people who interacted with its channels, each with their accounts on the
 * networks and their whole history with this client; the agency names, tags, marks and notes them, and links the
 * accounts of one person into one contact (or unlinks them again). "Top people" ranks them by what they did in a
 * period, weighted by the effort it takes ({@link InteractionKind#weight()}).
 */
@Stateless
public class Contacts {

    @Inject
    @TenantDb
    EntityManager em;
    @Inject
    TenantContext context;
    @Inject
    InboxPolicy policy;
    @Inject
    TenantAuditLog audit;
    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;

    /** A contact and how much they did in a period, for the ranking. */
    public record Ranked(Contact contact, long score, long interactions) {
    }

    public long count(Actor actor, String words, String tag, boolean vipOnly) {
        policy.requireReader(actor);
        return matching(words, tag, vipOnly).count(em);
    }

    /** Most recently seen first, or by name or first seen. */
    public List<Contact> page(Actor actor, String words, String tag, boolean vipOnly, PageRequest request) {
        policy.requireReader(actor);
        return matching(words, tag, vipOnly).rows(em, request);
    }

    private PagedQuery<Contact> matching(String words, String tag, boolean vipOnly) {
        PagedQuery<Contact> query = PagedQuery.of(Contact.class, "c", "Contacts").orderedBy("c.lastSeenAt DESC")
                .sortable("name", "c.name").sortable("lastSeenAt", "c.lastSeenAt")
                .sortable("firstSeenAt", "c.firstSeenAt");
        if (words != null && !words.isBlank()) {
            query.containing(words.strip(), "c.searchText");
        }
        if (tag != null && !tag.isBlank()) {
            query.where("c.tags LIKE :tag", "tag", Tags.pattern(tag));
        }
        if (vipOnly) {
            query.where("c.vip = TRUE");
        }
        return query;
    }

    /**
     * Who did the most in a period, by weighted interactions: messages and mentions count more than likes. Summed by
     * the database in the tenant's own schema; the weights are Herald's constants, never typed.
     */
    public List<Ranked> top(Actor actor, Instant from, Instant until, int max) {
        policy.requireReader(actor);
        StringBuilder score = new StringBuilder("SUM(CASE kind");
        for (InteractionKind kind : InteractionKind.values()) {
            score.append(" WHEN '").append(kind.name()).append("' THEN ").append(kind.weight());
        }
        score.append(" ELSE 0 END)");
        List<long[]> rows = Jdbc.list(dataSource, "SELECT contact_id, " + score + " AS score, COUNT(*) FROM "
                        + context.table("interaction") + " WHERE occurred_at >= ? AND occurred_at < ? GROUP BY contact_id "
                        + "ORDER BY score DESC, contact_id LIMIT ?",
                row -> new long[] {row.getLong(1), row.getLong(2), row.getLong(3)}, from.toEpochMilli(),
                until.toEpochMilli(), max);
        Map<Long, Contact> found = byIds(rows.stream().map(r -> r[0]).toList());
        return rows.stream().filter(r -> found.containsKey(r[0]))
                .map(r -> new Ranked(found.get(r[0]), r[1], r[2])).toList();
    }

    public Contact find(Actor actor, long contactId) {
        policy.requireReader(actor);
        return find(contactId);
    }

    private Contact find(long contactId) {
        return context.require(em.find(Contact.class, contactId), "contact", contactId);
    }

    /** The given contacts, by id, in one query (for lists). */
    public Map<Long, Contact> byIds(Collection<Long> contactIds) {
        if (contactIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT c FROM Contact c WHERE c.id IN :ids", Contact.class)
                .setParameter("ids", List.copyOf(contactIds)).getResultList().stream()
                .collect(Collectors.toMap(Contact::getId, c -> c));
    }

    /** The network accounts of the given contacts, by contact. */
    public Map<Long, List<ContactIdentity>> identities(Collection<Long> contactIds) {
        if (contactIds.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery("ContactIdentity.ofContacts", ContactIdentity.class)
                .setParameter("contactIds", List.copyOf(contactIds)).getResultList().stream()
                .collect(Collectors.groupingBy(ContactIdentity::getContactId));
    }

    /** Everything the person did towards this client, newest first. */
    public List<Interaction> history(Actor actor, long contactId, int max) {
        find(actor, contactId);
        return em.createNamedQuery("Interaction.ofContact", Interaction.class)
                .setParameter("contactIds", List.of(contactId)).setMaxResults(max).getResultList();
    }

    public Contact describe(Actor actor, long contactId, String name, boolean vip, String note) {
        policy.requireWorker(actor);
        Contact contact = find(contactId);
        contact.rename(name);
        contact.markVip(vip);
        contact.note(note);
        contact.describedBy(identities(List.of(contactId)).getOrDefault(contactId, List.of()));
        audit.record(actor.email(), "CONTACT_CHANGED", "contact " + contactId, contact.getName() + (vip ? " (VIP)" : ""));
        return contact;
    }

    public void tag(Actor actor, long contactId, String tag) {
        policy.requireWorker(actor);
        find(contactId).tag(tag);
    }

    public void untag(Actor actor, long contactId, String tag) {
        policy.requireWorker(actor);
        find(contactId).untag(tag);
    }

    /**
     * The other contact is the same person: its accounts, history and conversations move into this one and it is
     * gone. Tags and VIP marks add up; this contact's name and note stay.
     */
    public Contact link(Actor actor, long contactId, long otherId) {
        policy.requireWorker(actor);
        if (contactId == otherId) {
            throw new RuleViolation("A contact is already itself.");
        }
        Contact kept = find(contactId);
        Contact other = find(otherId);
        identities(List.of(otherId)).getOrDefault(otherId, List.of()).forEach(i -> i.moveTo(contactId));
        moveInteractionsAndConversations(otherId, contactId);
        other.getTags().forEach(kept::tag);
        kept.markVip(kept.isVip() || other.isVip());
        kept.seen(other.getFirstSeenAt());
        kept.seen(other.getLastSeenAt());
        em.remove(other);
        em.flush();
        kept.describedBy(identities(List.of(contactId)).getOrDefault(contactId, List.of()));
        audit.record(actor.email(), "CONTACTS_LINKED", "contact " + contactId, "contact " + otherId + " merged in");
        return kept;
    }

    /** One account was not this person after all: it becomes a contact of its own, with what it did. */
    public Contact unlink(Actor actor, long contactId, long identityId) {
        policy.requireWorker(actor);
        Contact from = find(contactId);
        List<ContactIdentity> accounts = identities(List.of(contactId)).getOrDefault(contactId, List.of());
        ContactIdentity leaving = accounts.stream().filter(i -> i.getId() == identityId).findFirst()
                .orElseThrow(() -> new AccessDenied("No account " + identityId + " on contact " + contactId));
        if (accounts.size() == 1) {
            throw new RuleViolation("A contact with one account has nothing to unlink.");
        }
        Contact alone = new Contact(leaving.getName(), leaving.getFirstSeenAt(), Instant.now());
        em.persist(alone);
        em.flush();
        leaving.moveTo(alone.getId());
        em.createQuery("SELECT i FROM Interaction i WHERE i.identityId = :identity", Interaction.class)
                .setParameter("identity", identityId).getResultList().forEach(i -> {
                    i.belongsTo(alone.getId());
                    alone.seen(i.getOccurredAt());
                });
        em.flush();
        reattributeConversations(contactId);
        alone.describedBy(List.of(leaving));
        from.describedBy(accounts.stream().filter(i -> i.getId() != identityId).toList());
        audit.record(actor.email(), "CONTACTS_UNLINKED", "contact " + contactId, "account " + leaving.getHandle());
        return alone;
    }

    private void moveInteractionsAndConversations(long fromContact, long toContact) {
        em.createQuery("SELECT i FROM Interaction i WHERE i.contactId = :from", Interaction.class)
                .setParameter("from", fromContact).getResultList().forEach(i -> i.belongsTo(toContact));
        em.createQuery("SELECT c FROM Conversation c WHERE c.contactId = :from", Conversation.class)
                .setParameter("from", fromContact).getResultList().forEach(c -> c.startedBy(toContact));
    }

    /** A conversation belongs to whoever wrote its first item. */
    private void reattributeConversations(long contactId) {
        for (Conversation conversation : em.createQuery("SELECT c FROM Conversation c WHERE c.contactId = :contact",
                Conversation.class).setParameter("contact", contactId).getResultList()) {
            em.createNamedQuery("Interaction.ofConversation", Interaction.class)
                    .setParameter("conversationId", conversation.getId()).setMaxResults(1).getResultStream()
                    .findFirst().ifPresent(first -> conversation.startedBy(first.getContactId()));
        }
    }

    /** The tags in use on contacts, for filters. */
    public List<String> tagsInUse() {
        return em.createQuery("SELECT DISTINCT c.tags FROM Contact c WHERE c.tags <> ''", String.class)
                .getResultList().stream().flatMap(t -> Arrays.stream(t.split(","))).filter(t -> !t.isBlank())
                .distinct().sorted(Comparator.naturalOrder()).toList();
    }
}
