package app.herald.content.application;

import app.herald.content.domain.Comment;
import app.herald.content.domain.Post;
import app.herald.identity.application.Actors;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantDb;
import app.herald.tenancy.domain.TenantRef;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Conversations on a post: comments, replies, internal notes for the agency, and mentions by e-mail address. */
@Stateless
public class Comments {

    @Inject
    @TenantDb
    EntityManager em;
    @Inject
    TenantContext context;
    @Inject
    Posts posts;
    @Inject
    Actors actors;
    @Inject
    TenantAuditLog audit;
    @Inject
    ReviewNotifications notifications;

    public Comment add(Actor actor, long postId, Long replyTo, String body, boolean internal) {
        Post post = posts.find(actor, postId);
        if (internal && !actor.isStaff()) {
            throw new AccessDenied(actor.email() + " may not write internal notes");
        }
        Comment parent = replyTo == null ? null : visible(actor, postId).stream()
                .filter(c -> c.getId().equals(replyTo)).findFirst()
                .orElseThrow(() -> new AccessDenied("No comment " + replyTo + " on post " + postId + " for " + actor.email()));
        Comment comment = new Comment(postId, parent, actor.userId(), actors.nameOf(actor.userId()), body, internal,
                Instant.now());
        em.persist(comment);
        em.flush();
        audit.record(actor.email(), comment.isInternal() ? "NOTE_ADDED" : "COMMENT_ADDED", "post " + postId,
                comment.getBody());
        TenantRef tenant = context.current();
        boolean shownToClients = !comment.isInternal() && posts.shownToClients(postId);
        for (String email : comment.mentions()) {
            actors.byEmail(email).filter(person -> person.isStaff() || shownToClients)
                    .filter(person -> person.mayOpen(tenant.id(), tenant.agencyId()))
                    .flatMap(person -> actors.userByEmail(person.email()))
                    .ifPresent(person -> notifications.mentioned(post, comment, person));
        }
        return comment;
    }

    /** The post's conversation as this person may see it: threads in order, each followed by its replies. */
    public List<Comment> visible(Actor actor, long postId) {
        posts.find(actor, postId);
        return em.createNamedQuery("Comment.ofPost", Comment.class).setParameter("postId", postId).getResultList()
                .stream().filter(c -> actor.isStaff() || !c.isInternal())
                .sorted(Comparator.comparingLong(Comment::getThreadId).thenComparing(Comment::getId)).toList();
    }
}
