package app.herald.publishing.application;

import app.herald.approval.domain.PostState;
import app.herald.content.application.Posts;
import app.herald.content.domain.Post;
import app.herald.content.domain.PostChanged;
import app.herald.content.domain.Variant;
import app.herald.publishing.domain.Publication;
import app.herald.publishing.domain.PublicationState;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantDb;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps a post's publications in step with the post, in the transaction that changed it: an approved post with a
 * time gets one queued publication per channel; a post that leaves approval, loses its time or drops a channel has
 * the publications that have not gone out cancelled. What went out stays as it is.
 */
@ApplicationScoped
public class PublicationPlanner {

    @Inject
    @TenantDb
    EntityManager em;
    @Inject
    TenantContext context;
    @Inject
    Posts posts;
    @Inject
    PublishQueue queue;

    void onPostChanged(@Observes PostChanged change) {
        plan(posts.find(change.postId()));
    }

    public void plan(Post post) {
        long tenantId = context.current().id();
        Instant now = Instant.now();
        Map<Long, Publication> existing = publicationsOf(post.getId()).stream()
                .collect(Collectors.toMap(Publication::getChannelId, Function.identity()));
        boolean goesOut = post.getState() == PostState.APPROVED && post.getScheduledAt().isPresent();
        Set<Long> channels = goesOut
                ? posts.variants(post.getId()).stream().map(Variant::getChannelId).collect(Collectors.toSet())
                : Set.of();
        for (Publication publication : existing.values()) {
            if (!channels.contains(publication.getChannelId()) && publication.isCancellable()) {
                publication.cancel(goesOut ? "The channel was removed from the post."
                        : "The post is no longer approved and scheduled.", now);
                queue.settle(tenantId, publication.getId());
            }
        }
        if (!goesOut) {
            return;
        }
        Instant due = post.getScheduledAt().get();
        for (long channelId : channels) {
            Publication publication = existing.get(channelId);
            if (publication == null) {
                publication = new Publication(post.getId(), channelId, due, now);
                em.persist(publication);
                em.flush();
            } else if (publication.getState() == PublicationState.QUEUED
                    || publication.getState() == PublicationState.CANCELLED) {
                if (publication.getState() == PublicationState.QUEUED && publication.getDueAt().equals(due)) {
                    continue;
                }
                publication.reschedule(due, now);
            } else {
                continue;
            }
            queue.enqueue(tenantId, publication.getId(), due);
        }
    }

    public List<Publication> publicationsOf(long postId) {
        return em.createNamedQuery("Publication.ofPost", Publication.class).setParameter("postId", postId)
                .getResultList();
    }
}
