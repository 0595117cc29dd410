package app.herald.publishing.application;

import app.herald.publishing.domain.SandboxPost;
import app.herald.tenancy.domain.TenantDb;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Sandbox network's side: its feed of what was posted to it, for the current tenant. A post is stored once per
 * idempotency key, as a network that honours the key would do.
 */
@Stateless
public class SandboxFeed {

    @Inject
    @TenantDb
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public SandboxPost post(long channelId, String idempotencyKey, String text, int mediaCount) {
        Optional<SandboxPost> earlier = find(idempotencyKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        SandboxPost post = new SandboxPost(channelId, idempotencyKey, text, mediaCount, Instant.now());
        em.persist(post);
        em.flush();
        return post;
    }

    public Optional<SandboxPost> find(String idempotencyKey) {
        return em.createNamedQuery("SandboxPost.byKey", SandboxPost.class).setParameter("key", idempotencyKey)
                .getResultStream().findFirst();
    }

    public Optional<SandboxPost> find(long sandboxPostId) {
        return Optional.ofNullable(em.find(SandboxPost.class, sandboxPostId));
    }

    public List<SandboxPost> feed(long channelId, int max) {
        return em.createNamedQuery("SandboxPost.ofChannel", SandboxPost.class).setParameter("channelId", channelId)
                .setMaxResults(max).getResultList();
    }
}
