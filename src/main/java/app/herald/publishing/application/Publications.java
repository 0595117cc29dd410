package app.herald.publishing.application;

import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.publishing.domain.Publication;
import app.herald.publishing.domain.PublicationState;
import app.herald.publishing.domain.PublishingSummary;
import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantDb;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The current tenant's publications as people see and act on them: retry, move, cancel. Every action is audited. */
@Stateless
public class Publications {

    private static final List<PublicationState> ATTENTION = Arrays.stream(PublicationState.values())
            .filter(PublicationState::needsAttention).toList();

    @Inject
    @TenantDb
    EntityManager em;
    @Inject
    TenantContext context;
    @Inject
    PublishQueue queue;
    @Inject
    TenantAuditLog audit;

    public List<Publication> ofPost(long postId) {
        return em.createNamedQuery("Publication.ofPost", Publication.class).setParameter("postId", postId)
                .getResultList();
    }

    /** Each post's publications, for calendars and lists, in one query. */
    public Map<Long, List<Publication>> ofPosts(Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery("Publication.ofPosts", Publication.class).setParameter("postIds", postIds)
                .getResultList().stream().collect(Collectors.groupingBy(Publication::getPostId));
    }

    /** For each given post whose publishing has begun (or gone wrong): one word for it. */
    public Map<Long, PublishingSummary> summaries(Collection<Long> postIds) {
        Map<Long, PublishingSummary> summaries = new java.util.HashMap<>();
        ofPosts(postIds).forEach((postId, list) -> PublishingSummary.of(list).ifPresent(s -> summaries.put(postId, s)));
        return summaries;
    }

    /**
     * The channel's publications among the given network ids, by network id: which of the items an incoming comment
     * may answer are the client's own posts.
     */
    public Map<String, Long> byNetworkIds(long channelId, Collection<String> networkIds) {
        Map<String, Long> found = new java.util.HashMap<>();
        List<String> ids = List.copyOf(networkIds);
        for (int from = 0; from < ids.size(); from += 500) {
            em.createNamedQuery("Publication.byNetworkIds", Publication.class).setParameter("channelId", channelId)
                    .setParameter("networkIds", ids.subList(from, Math.min(ids.size(), from + 500))).getResultList()
                    .forEach(p -> found.put(p.getNetworkPostId(), p.getId()));
        }
        return found;
    }

    /** What went wrong or is still unresolved, most recent first. */
    public List<Publication> needingAttention() {
        return em.createNamedQuery("Publication.inStates", Publication.class).setParameter("states", ATTENTION)
                .getResultList();
    }

    /** How many publications need attention, for overviews that show only the number. */
    public long countNeedingAttention() {
        return em.createNamedQuery("Publication.countInStates", Long.class).setParameter("states", ATTENTION)
                .getSingleResult();
    }

    public Publication find(long publicationId) {
        return context.require(em.find(Publication.class, publicationId), "publication", publicationId);
    }

    public Publication retry(Actor actor, long publicationId) {
        requireWriter(actor);
        Publication publication = find(publicationId);
        Instant now = Instant.now();
        publication.retry(now);
        queue.enqueue(context.current().id(), publicationId, now);
        audit.record(actor.email(), "PUBLICATION_RETRIED", "post " + publication.getPostId(),
                "publication " + publicationId);
        return publication;
    }

    public Publication reschedule(Actor actor, long publicationId, Instant when) {
        requireWriter(actor);
        if (when == null) {
            throw new RuleViolation("Choose when the post should go out.");
        }
        Publication publication = find(publicationId);
        publication.reschedule(when, Instant.now());
        queue.enqueue(context.current().id(), publicationId, when);
        audit.record(actor.email(), "PUBLICATION_RESCHEDULED", "post " + publication.getPostId(),
                "publication " + publicationId + " -> " + when);
        return publication;
    }

    public Publication cancel(Actor actor, long publicationId) {
        requireWriter(actor);
        Publication publication = find(publicationId);
        publication.cancel("Cancelled by " + actor.email() + ".", Instant.now());
        queue.settle(context.current().id(), publicationId);
        audit.record(actor.email(), "PUBLICATION_CANCELLED", "post " + publication.getPostId(),
                "publication " + publicationId);
        return publication;
    }

    private static void requireWriter(Actor actor) {
        if (!actor.writesContent()) {
            throw new AccessDenied(actor.email() + " may not change publications");
        }
    }
}
