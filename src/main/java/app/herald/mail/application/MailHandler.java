package app.herald.mail.application;

import app.herald.jobs.application.JobHandler;
import app.herald.jobs.domain.Backoff;
import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.Outcome;
import app.herald.jobs.domain.QueueSettings;
import app.herald.mail.domain.OutgoingMail;
import app.herald.mail.infrastructure.MailNotSent;
import app.herald.mail.infrastructure.SmtpMailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The mail queue: delivers each mail of the outbox once the transaction that queued it has committed. A mail server
 * that refuses or cannot be reached is asked again, first after a minute and at last every few hours, for about a
 * day; then the mail is given up (dead, with the server's answer), it leaves the outbox, and the log says so.
 */
@ApplicationScoped
public class MailHandler implements JobHandler {

    static final String QUEUE = "mail";
    static final String KIND = "MAIL";
    private static final Logger LOG = Logger.getLogger(MailHandler.class.getName());
    private static final int ATTEMPTS = 12;
    private static final Backoff BACKOFF = new Backoff(Duration.ofMinutes(1), Duration.ofHours(4));

    @Inject
    MailOutbox outbox;
    @Inject
    SmtpMailer smtp;
    @Inject
    @ConfigProperty(name = "herald.mail.concurrency", defaultValue = "2")
    int concurrency;

    @Override
    public String queue() {
        return QUEUE;
    }

    @Override
    public QueueSettings settings() {
        return QueueSettings.of(concurrency, Duration.ofMinutes(2)).retries(ATTEMPTS, BACKOFF);
    }

    @Override
    public Outcome run(Job job) {
        Optional<OutgoingMail> found = outbox.find(job.subjectId());
        if (found.isEmpty()) {
            return Outcome.done();
        }
        OutgoingMail mail = found.get();
        try {
            smtp.deliver(mail);
        } catch (MailNotSent e) {
            if (job.attempts() >= ATTEMPTS) {
                LOG.warning(() -> "Gave up e-mail " + mail.getId() + " (\"" + mail.getSubject() + "\") to "
                        + mail.getRecipient() + ": " + e.getMessage());
                outbox.givenUp(job, e.getMessage());
                return Outcome.dead(e.getMessage());
            }
            return Outcome.retry(Instant.now().plus(BACKOFF.after(job.attempts(), ThreadLocalRandom.current())),
                    e.getMessage());
        }
        outbox.delivered(job);
        return Outcome.done();
    }
}
