package app.herald.mail.application;

import app.herald.jobs.application.Jobs;
import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.Outcome;
import app.herald.mail.domain.OutgoingMail;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** The outbox as the mail queue sees it: the mail a job delivers, and forgetting it once the server took it. */
@Stateless
public class MailOutbox {

    @PersistenceContext(unitName = "herald")
    EntityManager em;
    @Inject
    Jobs jobs;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<OutgoingMail> find(long mailId) {
        return Optional.ofNullable(em.find(OutgoingMail.class, mailId));
    }

    /**
     * The mail is given up: it leaves the outbox (with whatever client data it carried, such as a report) and its job
     * ends dead with the server's last answer, together. The log keeps who it was for and its subject.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void givenUp(Job job, String reason) {
        Optional.ofNullable(em.find(OutgoingMail.class, job.subjectId())).ifPresent(em::remove);
        jobs.finish(job, Outcome.dead(reason));
    }

    /** The server took the mail: it leaves the outbox and its job ends, together. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void delivered(Job job) {
        Optional.ofNullable(em.find(OutgoingMail.class, job.subjectId())).ifPresent(em::remove);
        jobs.finish(job, Outcome.done());
    }
}
