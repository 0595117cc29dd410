package app.herald.publishing.application;

import app.herald.jobs.application.Jobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** Publishing's queue on the job engine: one job per publication, due when the publication is. */
@ApplicationScoped
public class PublishQueue {

    public static final String QUEUE = "publish";
    public static final String KIND = "PUBLICATION";

    @Inject
    Jobs jobs;

    /** Queues the publication, or moves its job to the new due instant; joins the caller's transaction. */
    public void enqueue(long tenantId, long publicationId, Instant due) {
        jobs.plan(QUEUE, KIND, tenantId, publicationId, 0, due);
    }

    /** Nothing is left to do for the publication (cancelled); joins the caller's transaction. */
    public void settle(long tenantId, long publicationId) {
        jobs.settle(QUEUE, KIND, tenantId, publicationId);
    }
}
