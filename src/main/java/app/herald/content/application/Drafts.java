package app.herald.content.application;

import app.herald.approval.domain.DecisionRecord;
import app.herald.content.domain.Comment;
import app.herald.content.domain.Post;
import app.herald.content.domain.Variant;
import app.herald.content.domain.VariantMedia;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.domain.TenantDb;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Drafts thrown away: a post that was never sent to review goes with its variants, their media choices and its
 * comments (the media stay in the library). The audit log keeps that it existed and who deleted it.
 */
@Stateless
public class Drafts {

    @Inject
    @TenantDb
    EntityManager em;
    @Inject
    Posts posts;
    @Inject
    TenantAuditLog audit;

    public void discard(Actor actor, long postId) {
        if (!actor.writesContent()) {
            throw new AccessDenied(actor.email() + " may not write posts");
        }
        Post post = posts.find(postId);
        boolean reviewed = !em.createNamedQuery("DecisionRecord.ofPost", DecisionRecord.class)
                .setParameter("postId", postId).setMaxResults(1).getResultList().isEmpty();
        post.checkDiscardable(reviewed);
        for (Variant variant : posts.variants(postId)) {
            em.createNamedQuery("VariantMedia.ofVariant", VariantMedia.class).setParameter("variantId", variant.getId())
                    .getResultList().forEach(em::remove);
            em.remove(variant);
        }
        em.createNamedQuery("Comment.ofPost", Comment.class).setParameter("postId", postId).getResultList()
                .forEach(em::remove);
        em.remove(post);
        audit.record(actor.email(), "POST_DELETED", "post " + postId, post.getTitle());
    }
}
