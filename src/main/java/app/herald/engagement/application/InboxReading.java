package app.herald.engagement.application;

import app.herald.jobs.application.JobHandler;
import app.herald.jobs.application.LockConflicts;
import app.herald.jobs.domain.Backoff;
import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.Outcome;
import app.herald.jobs.domain.QueueSettings;
import app.herald.publishing.domain.InboxRead;
import app.herald.publishing.domain.PublishResult;
import app.herald.tenancy.application.TenantJobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads each channel's inbox on the job engine: one job per channel, so one node at a time reads it, leased and
 * renewed like every job; between the two short transactions of {@link SyncSteps} every stream of the channel is read
 * from its network, outside any transaction.
 */
@ApplicationScoped
public class InboxReading implements JobHandler {

    private static final Logger LOG = Logger.getLogger(InboxReading.class.getName());
    static final String READER = "inbox@herald";
    private static final Duration TENANT_UNAVAILABLE_WAIT = Duration.ofMinutes(5);

    @Inject
    TenantJobs tenants;
    @Inject
    SyncSteps steps;
    @Inject
    @ConfigProperty(name = "herald.inbox.enabled", defaultValue = "true")
    boolean enabled;
    @Inject
    @ConfigProperty(name = "herald.inbox.concurrency", defaultValue = "4")
    int concurrency;
    @Inject
    @ConfigProperty(name = "herald.inbox.max-items", defaultValue = "500")
    int maxItems;

    @Override
    public String queue() {
        return InboxQueue.QUEUE;
    }

    @Override
    public QueueSettings settings() {
        return QueueSettings.of(concurrency, Duration.ofMinutes(2)).enabled(enabled)
                .retries(8, new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(30)));
    }

    @Override
    public Outcome run(Job job) {
        return tenants.run(job, READER, TENANT_UNAVAILABLE_WAIT, ref -> {
            SyncSteps.Start start = steps.begin(job);
            if (start instanceof SyncSteps.Start.Read read) {
                List<SyncSteps.StreamRead> results = read(read);
                return LockConflicts.retried(() -> steps.finish(job, read, results));
            }
            return ((SyncSteps.Start.Finished) start).recorded();
        });
    }

    private List<SyncSteps.StreamRead> read(SyncSteps.Start.Read read) {
        List<SyncSteps.StreamRead> results = new ArrayList<>();
        for (Map.Entry<String, Optional<String>> stream : read.cursors().entrySet()) {
            InboxRead result;
            try {
                result = read.inbox().read(read.access(), stream.getKey(), stream.getValue(), read.lookBack(), maxItems);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Reading " + read.inbox().network() + " stream " + stream.getKey() + " failed", e);
                result = new InboxRead.Failed(new PublishResult.RetryLater("Herald had an internal error while reading "
                        + "the channel; it tries again."));
            }
            results.add(new SyncSteps.StreamRead(stream.getKey(), result));
        }
        return results;
    }
}
