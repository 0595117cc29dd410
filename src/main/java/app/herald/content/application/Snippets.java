package app.herald.content.application;

import app.herald.content.domain.Snippet;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.tenancy.domain.TenantDb;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The current tenant's saved snippets and hashtag groups. */
@Stateless
public class Snippets {

    @Inject
    @TenantDb
    EntityManager em;

    public List<Snippet> all() {
        return em.createNamedQuery("Snippet.all", Snippet.class).getResultList();
    }

    /** Those the composer inserts into posts: snippets and hashtag groups. */
    public List<Snippet> forPosts() {
        return all().stream().filter(s -> s.getKind().forPosts()).toList();
    }

    /** Saved replies, for the inbox. */
    public List<Snippet> savedReplies() {
        return all().stream().filter(s -> s.getKind() == Snippet.Kind.REPLY).toList();
    }

    public Snippet save(Actor actor, Snippet.Kind kind, String name, String body) {
        if (!actor.writesContent()) {
            throw new AccessDenied(actor.email() + " may not save snippets");
        }
        Snippet snippet = new Snippet(kind, name, body, Instant.now());
        if (all().stream().anyMatch(s -> s.getKind() == kind && s.getName().equalsIgnoreCase(snippet.getName()))) {
            throw new RuleViolation("There is already one named \"" + snippet.getName() + "\".");
        }
        em.persist(snippet);
        return snippet;
    }

    public void delete(Actor actor, long snippetId) {
        if (!actor.writesContent()) {
            throw new AccessDenied(actor.email() + " may not delete snippets");
        }
        Optional.ofNullable(em.find(Snippet.class, snippetId)).ifPresent(em::remove);
    }

    public Snippet find(long snippetId) {
        Snippet snippet = em.find(Snippet.class, snippetId);
        if (snippet == null) {
            throw new RuleViolation("That snippet no longer exists.");
        }
        return snippet;
    }
}
