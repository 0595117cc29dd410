package app.herald.content.application;

import app.herald.content.domain.DigestRun;
import app.herald.content.domain.Post;
import app.herald.identity.application.Actors;
import app.herald.identity.domain.Actor;
import app.herald.identity.domain.User;
import app.herald.jobs.application.Jobs;
import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.Outcome;
import app.herald.kernel.web.PublicAddress;
import app.herald.mail.application.Mail;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The daily digest for agency staff who chose it: one e-mail listing, per client, the posts that wait for their
 * decision. The digests of a day are written first, then queued together with the day's mark in one transaction: a
 * day is sent once across a cluster, and either every digest of it goes out or none.
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
    Mail mail;
    @Inject
    Jobs jobs;
    @Inject
    PublicAddress address;
    @Resource
    SessionContext self;

    /** One reader's digest. */
    public record Digest(String to, String subject, String body) {
    }

    /** Sends the day's digests unless they were sent already; returns how many were queued. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int send(LocalDate day) {
        return send(day, Optional.empty(), null);
    }

    /** As {@link #send(LocalDate)}, finishing the digest job with {@code next} in the same transaction. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int send(LocalDate day, Optional<Job> job, Outcome next) {
        DailyDigest me = self.getBusinessObject(DailyDigest.class);
        if (me.sent(day)) {
            job.ifPresent(j -> me.finish(j, next));
            return 0;
        }
        List<Digest> digests = new ArrayList<>();
        for (User reader : actors.digestReaders()) {
            actors.actorOf(reader).filter(Actor::isStaff).flatMap(actor -> digestOf(reader, actor, day))
                    .ifPresent(digests::add);
        }
        try {
            me.deliver(day, digests, job, next);
        } catch (RuntimeException e) {
            if (!me.sent(day)) {
                throw e;
            }
            LOG.info(() -> "The digest of " + day + " was sent by another node");
            job.ifPresent(j -> me.finish(j, next));
            return 0;
        }
        LOG.info(() -> "Daily digest of " + day + " queued for " + digests.size() + " people");
        return digests.size();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean sent(LocalDate day) {
        return em.find(DigestRun.class, day.toString()) != null;
    }

    /** Marks the day, queues its digests and finishes the job, together; fails if another node marked it first. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void deliver(LocalDate day, List<Digest> digests, Optional<Job> job, Outcome next) {
        em.persist(new DigestRun(day, Instant.now()));
        em.flush();
        digests.forEach(d -> mail.send(d.to(), d.subject(), d.body()));
        job.ifPresent(j -> jobs.finish(j, next));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finish(Job job, Outcome next) {
        jobs.finish(job, next);
    }

    private Optional<Digest> digestOf(User reader, Actor actor, LocalDate day) {
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
            return Optional.empty();
        }
        return Optional.of(new Digest(reader.getEmail(), "Your Herald digest for " + day, "Hello "
                + reader.getDisplayName() + ",\n\nThese posts wait for your review:\n\n" + body
                + "You chose one digest a day; change it under My settings.\n"));
    }
}
