package app.herald.engagement.application;

import app.herald.content.domain.ChannelConnected;
import app.herald.jobs.application.Jobs;
import app.herald.jobs.domain.JobState;
import app.herald.publishing.domain.ChannelActivity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * The inbox on the job engine: one recurring job per channel reads it (queue {@value #QUEUE}), so that no two nodes
 * ever read one channel at once; a channel is read at once when it is connected or when its network says something
 * new is there, and otherwise at its own rhythm.
 */
@ApplicationScoped
public class InboxQueue {

    public static final String QUEUE = "inbox";
    public static final String READ = "READ";

    @Inject
    Jobs jobs;

    void onConnected(@Observes ChannelConnected connected) {
        readNow(connected.tenantId(), connected.channelId());
    }

    void onActivity(@Observes ChannelActivity activity) {
        readNow(activity.tenantId(), activity.channelId());
    }

    /** Reads the channel now, in the caller's transaction. */
    public void readNow(long tenantId, long channelId) {
        jobs.plan(QUEUE, READ, tenantId, channelId, 0, Instant.now());
    }

    /** Makes sure the channel is read at its rhythm: plans a reading unless one is waiting or running. */
    public void keepReading(long tenantId, long channelId) {
        boolean planned = jobs.find(QUEUE, READ, tenantId, channelId)
                .filter(stored -> stored.state() == JobState.QUEUED || stored.state() == JobState.CLAIMED).isPresent();
        if (!planned) {
            readNow(tenantId, channelId);
        }
    }

    /** When the channel's job is due now as stored (a nudge that came while it ran moves it earlier). */
    public Instant dueAsStored(long tenantId, long channelId, Instant otherwise) {
        return jobs.find(QUEUE, READ, tenantId, channelId).map(stored -> stored.job().dueAt()).orElse(otherwise);
    }
}
