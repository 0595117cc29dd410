package app.herald.content.application;

import app.herald.content.domain.Post;
import app.herald.content.domain.PostSearch;
import app.herald.identity.domain.Actor;
import app.herald.kernel.paging.PageRequest;
import app.herald.kernel.paging.PagedQuery;
import app.herald.tenancy.domain.TenantDb;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * A client's posts as lists a person reads a page at a time, each narrowed to what that person may see: the
 * agency's people see every post, the client's people only those ever sent to them ({@link Post}).
 */
@Stateless
public class PostLists {

    @Inject
    @TenantDb
    EntityManager em;

    /** How many of the posts this person may see match the search. */
    public long count(Actor actor, PostSearch search) {
        return listing(actor, search).count(em);
    }

    /** One page of them: newest change first, or sorted by title, state, time, author or last change. */
    public List<Post> page(Actor actor, PostSearch search, PageRequest request) {
        return listing(actor, search).rows(em, request);
    }

    /**
     * The posts this person may see that match the search, newest first, from just below an id on (a cursor that
     * stays put while posts are added, unlike a page number).
     */
    public List<Post> newestBelow(Actor actor, PostSearch search, Long belowId, int size) {
        PagedQuery<Post> listing = listing(actor, search).orderedBy("p.id DESC");
        if (belowId != null) {
            listing.where("p.id < :below", "below", belowId);
        }
        return listing.rows(em, PageRequest.firstRows(size));
    }

    /** Who wrote the posts this person may see, for filters. */
    public List<String> authors(Actor actor) {
        return em.createQuery("SELECT DISTINCT p.authorName FROM Post p" + (actor.isStaff() ? ""
                : " WHERE " + Post.SHOWN_TO_CLIENTS) + " ORDER BY p.authorName", String.class).getResultList();
    }

    private PagedQuery<Post> listing(Actor actor, PostSearch search) {
        PagedQuery<Post> listing = PagedQuery.of(Post.class, "p", "Posts").orderedBy("p.updatedAt DESC")
                .sortable("title", "p.title").sortable("state", "p.state").sortable("scheduledAt", "p.scheduledAt")
                .sortable("author", "p.authorName").sortable("updatedAt", "p.updatedAt");
        if (!actor.isStaff()) {
            listing.where(Post.SHOWN_TO_CLIENTS);
        }
        search.words().ifPresent(words -> listing.containing(words, "p.title", "p.baseText"));
        search.state().ifPresent(state -> listing.where("p.state = :state", "state", state));
        return listing;
    }
}
