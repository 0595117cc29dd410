package app.herald.content.application;

import app.herald.content.domain.ReviewLink;
import app.herald.content.domain.Post;
import app.herald.identity.application.Actors;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.Secrets;
import app.herald.kernel.web.PublicAddress;
import app.herald.tenancy.application.TenantGate;
import app.herald.tenancy.domain.TenantRef;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Review by e-mailed link: a client approver opens one post of one tenant and decides on it without signing in. The
 * link names the tenant, the post and the person; the person's access is checked through the gate at every use.
 */
@Stateless
public class ReviewLinks {

    public static final String PAGE = "/review.xhtml";

    public enum Verdict { APPROVE, REQUEST_CHANGES, REJECT }

    /** What an opened link gives: the tenant entered, the one post, and the person it was sent to. */
    public record Opened(TenantRef tenant, long postId, Actor actor) {
    }

    @PersistenceContext(unitName = "herald")
    EntityManager em;
    @Inject
    TenantGate gate;
    @Inject
    Actors actors;
    @Inject
    Posts posts;
    @Inject
    PublicAddress address;
    @Inject
    app.herald.content.application.Channels channels;
    @Inject
    @ConfigProperty(name = "herald.review-link.valid-hours", defaultValue = "72")
    int validHours;

    public String issue(TenantRef tenant, long postId, long userId) {
        ReviewLink.Issued issued = ReviewLink.issue(tenant.id(), postId, userId, Duration.ofHours(validHours),
                Instant.now());
        em.persist(issued.link());
        return address.link(PAGE + "?token=" + issued.secret());
    }

    /** Checks the link and enters its tenant as its person; refuses used, expired, forged and withdrawn links. */
    public Opened open(String secret) {
        ReviewLink link = find(secret);
        link.checkUsable(Instant.now());
        Actor actor = actors.byId(link.getUserId())
                .orElseThrow(() -> new RuleViolation("This review link is no longer valid."));
        TenantRef tenant = gate.enter(actor, link.getTenantId());
        return new Opened(tenant, link.getPostId(), actor);
    }

    /** What the review page shows of the link's post, in the client's time zone. */
    public record Preview(String client, long postId, String title, String when, String state,
                          java.util.List<String[]> variants) implements java.io.Serializable {
    }

    public Preview preview(String secret) {
        Opened opened = open(secret);
        Post post = posts.find(opened.postId());
        java.util.List<String[]> variants = posts.variants(post.getId()).stream()
                .map(v -> new String[] {channels.find(v.getChannelId()).label(), v.getText()}).toList();
        String when = post.getScheduledAt().map(at -> java.time.format.DateTimeFormatter
                .ofPattern("EEE d MMM yyyy, HH:mm", java.util.Locale.ENGLISH).format(at.atZone(opened.tenant().zone()))
                + " (" + opened.tenant().zone().getId() + ")").orElse("not scheduled yet");
        return new Preview(opened.tenant().name(), post.getId(), post.getTitle(), when, post.getState().label(), variants);
    }

    /** Decides on the link's post, and only on it; the link cannot be used again. */
    public Post decide(String secret, long postId, Verdict verdict, String comment) {
        Opened opened = open(secret);
        if (opened.postId() != postId) {
            throw new AccessDenied("Review link for post " + opened.postId() + " used for post " + postId);
        }
        Post post = switch (verdict) {
            case APPROVE -> posts.approve(opened.actor(), postId, comment);
            case REQUEST_CHANGES -> posts.requestChanges(opened.actor(), postId, comment);
            case REJECT -> posts.reject(opened.actor(), postId, comment);
        };
        find(secret).use(Instant.now());
        return post;
    }

    private ReviewLink find(String secret) {
        if (!Secrets.looksLikeSecret(secret)) {
            throw new RuleViolation("This review link is not valid.");
        }
        return em.createNamedQuery("ReviewLink.byHash", ReviewLink.class).setParameter("hash", Secrets.sha256(secret))
                .getResultStream().findFirst().orElseThrow(() -> new RuleViolation("This review link is not valid."));
    }
}
