package app.herald.content.application;

import app.herald.content.domain.DigestRun;
import app.herald.content.domain.Post;
import app.herald.identity.application.Actors;
import app.herald.identity.domain.Actor;
import app.herald.identity.domain.User;
import app.herald.mail.infrastructure.Mailer;
import app.herald.kernel.web.PublicAddress;
import app.herald.tenancy.application.TenantDirectory;
import app.herald.tenancy.application.TenantWork;
import app.herald.tenancy.domain.Tenant;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The daily digest for agency staff who chose it: one e-mail listing, per client, the posts that wait for their
 * decision. A node sends a day's digests only after claiming the day in the database, so a cluster sends them once.
 */
@Stateless
public class DailyDigest {

    private static final Logger LOG = Logger.getLogger(DailyDigest.class.getName());

    @PersistenceContext(unitName = "herald")
    EntityManager em;
    @Inject
    Actors actors;
    @Inject
    TenantDirectory directory;
    @Inject
    TenantWork work;
    @Inject
    Posts posts;
    @Inject
    Mailer mailer;
    @Inject
    PublicAddress address;
    @Resource
    SessionContext self;

    /** Sends the day's digests unless another node already claimed the day; returns how many were sent. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int send(LocalDate day) {
        try {
            if (!self.getBusinessObject(DailyDigest.class).claim(day)) {
                return 0;
            }
        } catch (RuntimeException claimedElsewhere) {
            LOG.info(() -> "Digest of " + day + " was claimed by another node");
            return 0;
        }
        int sent = 0;
        for (User reader : actors.digestReaders()) {
            Optional<Actor> actor = actors.actorOf(reader).filter(Actor::isStaff);
            if (actor.isPresent() && sendTo(reader, actor.get(), day)) {
                sent++;
            }
        }
        int total = sent;
        LOG.info(() -> "Daily digest of " + day + " sent to " + total + " people");
        return total;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claim(LocalDate day) {
        if (em.find(DigestRun.class, day.toString()) != null) {
            return false;
        }
        em.persist(new DigestRun(day, Instant.now()));
        em.flush();
        return true;
    }

    private boolean sendTo(User reader, Actor actor, LocalDate day) {
        StringBuilder body = new StringBuilder();
        for (Tenant client : directory.visibleTo(actor)) {
            if (!client.isActive()) {
                continue;
            }
            List<Post> waiting = work.in(actor, client.getId(), tenant -> posts.awaiting(actor));
            if (!waiting.isEmpty()) {
                body.append(client.getName()).append(" (").append(waiting.size()).append(" waiting):\n");
                waiting.forEach(p -> body.append("  - ").append(p.getTitle()).append('\n'));
                body.append("  ").append(address.link("/client/posts.xhtml?client=" + client.getId())).append("\n\n");
            }
        }
        if (body.length() == 0) {
            return false;
        }
        try {
            mailer.send(reader.getEmail(), "Your Herald digest for " + day, "Hello " + reader.getDisplayName()
                    + ",\n\nThese posts wait for your review:\n\n" + body
                    + "You chose one digest a day; change it under My settings.\n");
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Digest for " + reader.getEmail() + " could not be sent: " + e.getMessage());
            return false;
        }
    }
}
