package app.herald.engagement.application;

import app.herald.content.application.Channels;
import app.herald.content.application.Posts;
import app.herald.content.domain.Channel;
import app.herald.content.domain.Post;
import app.herald.engagement.domain.Contact;
import app.herald.engagement.domain.ContactIdentity;
import app.herald.engagement.domain.Conversation;
import app.herald.engagement.domain.Interaction;
import app.herald.engagement.domain.Reply;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.publishing.application.Publications;
import app.herald.publishing.domain.InteractionKind;
import app.herald.publishing.domain.Moderation;
import app.herald.publishing.domain.Publication;
import app.herald.tenancy.domain.TenantDb;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A conversation as a person reads it: the client's own post it answers, what was said and answered in order, who
 * said it (with their accounts), what the network allows on each item, and the person's earlier interactions with
 * this client elsewhere. Only reads, in a handful of queries.
 */
@Stateless
public class ConversationThreads {

    /** How many of the person's earlier interactions are shown beside the thread. */
    static final int EARLIER = 8;

    @Inject
    @TenantDb
    EntityManager em;
    @Inject
    Conversations conversations;
    @Inject
    Replies replies;
    @Inject
    Contacts contacts;
    @Inject
    Channels channels;
    @Inject
    Publications publications;
    @Inject
    Posts posts;
    @Inject
    Inboxes inboxes;

    /** One thing said: from the other side (with who said it), or the client's answer. */
    public record Entry(Interaction item, ContactIdentity author, Reply answer, Instant at) implements Serializable {
        public boolean isAnswer() {
            return answer != null;
        }
    }

    /** The client's own post a thread answers: its title, its words and where it is on the network. */
    public record OwnPost(String title, String text, String url) implements Serializable {
    }

    /** The whole of it; {@code ownPost} and {@code limits} are null when there are none. */
    public record Thread(Conversation conversation, Channel channel, Contact contact, List<ContactIdentity> accounts,
                         List<Entry> entries, OwnPost ownPost, List<Interaction> earlier,
                         Map<InteractionKind, Set<Moderation>> allowed, String limits) implements Serializable {

        /** The latest item from the other side that can still be answered: what an answer goes to by default. */
        public Optional<Interaction> latestAnswerable() {
            return entries.stream().filter(e -> !e.isAnswer() && e.item().isAnswerable()).map(Entry::item)
                    .reduce((first, second) -> second);
        }
    }

    public Thread thread(Actor actor, long conversationId) {
        Conversation conversation = conversations.find(actor, conversationId);
        Channel channel = channels.find(conversation.getChannelId());
        List<Interaction> items = conversations.items(actor, conversationId);
        Map<Long, ContactIdentity> authors = em.createNamedQuery("ContactIdentity.byIds", ContactIdentity.class)
                .setParameter("ids", items.isEmpty() ? List.of(-1L)
                        : items.stream().map(Interaction::getIdentityId).distinct().toList())
                .getResultList().stream().collect(Collectors.toMap(ContactIdentity::getId, Function.identity()));
        List<Entry> entries = new ArrayList<>();
        items.forEach(i -> entries.add(new Entry(i, authors.get(i.getIdentityId()), null, i.getOccurredAt())));
        replies.of(actor, conversationId).forEach(r -> entries.add(new Entry(null, null, r,
                r.getPublishedAt().orElse(r.getCreatedAt()))));
        entries.sort(Comparator.comparing(Entry::at));
        Contact contact = contacts.find(actor, conversation.getContactId());
        List<Interaction> earlier = contacts.history(actor, contact.getId(), EARLIER + items.size()).stream()
                .filter(i -> !Long.valueOf(conversationId).equals(i.getConversationId())).limit(EARLIER).toList();
        Map<InteractionKind, Set<Moderation>> allowed = new EnumMap<>(InteractionKind.class);
        for (InteractionKind kind : InteractionKind.values()) {
            allowed.put(kind, inboxes.of(channel.getNetwork()).map(inbox -> inbox.moderation(kind))
                    .orElse(EnumSet.noneOf(Moderation.class)));
        }
        return new Thread(conversation, channel, contact,
                contacts.identities(List.of(contact.getId())).getOrDefault(contact.getId(), List.of()), entries,
                conversation.getPublicationId().flatMap(this::ownPost).orElse(null), earlier, allowed,
                inboxes.of(channel.getNetwork()).flatMap(inbox -> inbox.limits()).orElse(null));
    }

    private Optional<OwnPost> ownPost(long publicationId) {
        try {
            Publication publication = publications.find(publicationId);
            Post post = posts.find(publication.getPostId());
            return Optional.of(new OwnPost(post.getTitle(), post.getBaseText(), publication.getNetworkUrl()));
        } catch (AccessDenied gone) {
            return Optional.empty();
        }
    }
}
