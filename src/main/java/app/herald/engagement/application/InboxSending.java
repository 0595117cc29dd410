package app.herald.engagement.application;

import app.herald.jobs.application.JobHandler;
import app.herald.jobs.application.LockConflicts;
import app.herald.jobs.domain.Backoff;
import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.Outcome;
import app.herald.jobs.domain.QueueSettings;
import app.herald.publishing.application.Deliveries;
import app.herald.publishing.domain.PublishResult;
import app.herald.tenancy.application.TenantJobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends what the inbox decided on the job engine: answers (as deliveries, exactly once, looked up before any resend)
 * and moderation of items on their networks. The network is asked between two short transactions, never inside one.
 */
@ApplicationScoped
public class InboxSending implements JobHandler {

    private static final Logger LOG = Logger.getLogger(InboxSending.class.getName());
    private static final Duration TENANT_UNAVAILABLE_WAIT = Duration.ofMinutes(5);

    @Inject
    TenantJobs tenants;
    @Inject
    ReplySteps replies;
    @Inject
    ModerationSteps moderation;
    @Inject
    Deliveries deliveries;
    @Inject
    @ConfigProperty(name = "herald.inbox.send-concurrency", defaultValue = "4")
    int concurrency;

    @Override
    public String queue() {
        return InboxOutbox.QUEUE;
    }

    @Override
    public QueueSettings settings() {
        return QueueSettings.of(concurrency, Duration.ofSeconds(60))
                .retries(5, new Backoff(Duration.ofSeconds(30), Duration.ofHours(1)));
    }

    @Override
    public Outcome run(Job job) {
        return tenants.run(job, ReplySteps.SENDER, TENANT_UNAVAILABLE_WAIT,
                ref -> InboxOutbox.REPLY.equals(job.kind()) ? reply(job) : moderate(job));
    }

    private Outcome reply(Job job) {
        ReplySteps.Start start = replies.begin(job);
        if (start instanceof ReplySteps.Start.Send send) {
            PublishResult result = deliveries.send(send.channel(), send.access(), send.outgoing(), send.attempt());
            return LockConflicts.retried(() -> replies.finish(job, send, result));
        }
        return ((ReplySteps.Start.Finished) start).recorded();
    }

    private Outcome moderate(Job job) {
        ModerationSteps.Start start = moderation.begin(job);
        if (start instanceof ModerationSteps.Start.Act act) {
            Optional<String> refusal;
            try {
                refusal = act.inbox().moderate(act.access(), act.action(), act.target());
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, act.inbox().network() + " inbox failed to " + act.action(), e);
                refusal = Optional.of("Herald had an internal error; try again.");
            }
            Optional<String> answer = refusal;
            return LockConflicts.retried(() -> moderation.finish(job, act, answer));
        }
        return ((ModerationSteps.Start.Finished) start).recorded();
    }
}
