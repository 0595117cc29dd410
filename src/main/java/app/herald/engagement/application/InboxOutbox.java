package app.herald.engagement.application;

import app.herald.jobs.application.Jobs;
import app.herald.publishing.domain.Moderation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * What the inbox sends to networks, on the job engine (queue {@value #QUEUE}): answers (one job per reply, due when
 * it is released) and moderation (one job per item and action). Planned in the transaction that decided it, so a
 * rollback sends nothing.
 */
@ApplicationScoped
public class InboxOutbox {

    public static final String QUEUE = "inbox-out";
    public static final String REPLY = "REPLY";

    @Inject
    Jobs jobs;

    public void send(long tenantId, long replyId, Instant due) {
        jobs.plan(QUEUE, REPLY, tenantId, replyId, 0, due);
    }

    public void moderate(long tenantId, long interactionId, Moderation action) {
        jobs.plan(QUEUE, action.name(), tenantId, interactionId, 0, Instant.now());
    }

    /** Nothing more to send for the reply (cancelled while waiting). */
    public void settle(long tenantId, long replyId) {
        jobs.settle(QUEUE, REPLY, tenantId, replyId);
    }
}
