package app.herald.mail.application;

import app.herald.jobs.application.Jobs;
import app.herald.jobs.domain.Job;
import app.herald.kernel.RuleViolation;
import app.herald.mail.domain.OutgoingMail;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/**
 * Sends e-mail after the caller's transaction commits: the mail is written to the outbox, with a job of the mail
 * queue, in that transaction. A rollback sends nothing; a committed decision is sent even when the SMTP server is
 * down at that moment (the job retries). A delivery that is interrupted after the server accepted the mail may be
 * repeated, with the same Message-ID.
 */
@Stateless
public class Mail {

    @PersistenceContext(unitName = "herald")
    EntityManager em;
    @Inject
    Jobs jobs;

    public void send(String to, String subject, String body) {
        send(to, subject, body, null);
    }

    public void send(String to, String subject, String body, OutgoingMail.Attachment attachment) {
        OutgoingMail mail = new OutgoingMail(address(to), subject, body, attachment, Instant.now());
        em.persist(mail);
        em.flush();
        jobs.plan(MailHandler.QUEUE, MailHandler.KIND, Job.NO_TENANT, mail.getId(), 0, Instant.now());
    }

    private static String address(String to) {
        try {
            InternetAddress parsed = new InternetAddress(to, true);
            return parsed.getAddress();
        } catch (AddressException e) {
            throw new RuleViolation("\"" + to + "\" is not an e-mail address Herald can write to.");
        }
    }
}
