package app.herald.publishing.application;

import app.herald.jobs.application.Jobs;
import app.herald.jobs.domain.Outcome;
import app.herald.publishing.domain.PublicationPublished;
import app.herald.publishing.domain.PublishResult;
import app.herald.publishing.infrastructure.PublishedRows;
import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.application.TenantJobs;
import app.herald.tenancy.domain.TenantRef;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Records answers that put a post on its network, of any clients, in one transaction (ADR 0033): for each, the
 * publication marked published, what observers plan (measurements, webhooks), the audit entry, and at the end every
 * job finished, each fenced by its own claim token, as {@link PublishSteps#finishAll} does for one client's. It works
 * in plain SQL, each statement qualified by the schema of the job's own client as the gate admits Herald into it; no
 * tenant EntityManager is used, so no persistence context ever holds two clients' rows. An answer that needs more
 * (a failure, a retry, tokens to keep) is not taken here. All or none: anything that does not hold (a client that
 * may not be worked in now, a publication no longer being sent, a lost lease) throws, and the round's answers are
 * recorded one at a time through {@link PublishSteps#finish}, which says why.
 */
@Stateless
public class PublishedRound {

    @Inject
    TenantJobs tenants;
    @Inject
    Jobs jobs;
    @Inject
    PublishedRows rows;
    @Inject
    Event<PublicationPublished> published;
    @Inject
    TenantAuditLog audit;

    /**
     * Every answer must have put its post on the network and change nothing about its channel (PublishHandler asks);
     * answers each one's outcome, in their order.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Outcome> recordAll(List<PublishSteps.Answer> round) {
        Instant now = Instant.now();
        for (PublishSteps.Answer answer : inLockOrder(round)) {
            TenantRef tenant = tenants.admitted(answer.job(), PublishSteps.PUBLISHER).orElseThrow(() ->
                    new IllegalStateException("Client " + answer.job().tenantId() + " may not be worked in now"));
            PublishSteps.Prepared prepared = answer.prepared();
            if (prepared.publicationId() != answer.job().subjectId()) {
                throw new IllegalStateException("Job " + answer.job().id() + " is not publication "
                        + prepared.publicationId() + "'s");
            }
            PublishResult.Published result = (PublishResult.Published) answer.result();
            if (!rows.published(tenant, prepared.publicationId(), result.networkPostId(), result.url(), now)) {
                throw new IllegalStateException("Publication " + prepared.publicationId() + " of client "
                        + tenant.id() + " is no longer being sent");
            }
            published.fire(new PublicationPublished(tenant, prepared.publicationId(), prepared.postId(),
                    prepared.channel().id(), prepared.campaignId(), result.url(), now));
            audit.recordIn(tenant, PublishSteps.PUBLISHER, "PUBLICATION_PUBLISHED",
                    PublishSteps.auditSubject(prepared.postId()),
                    PublishSteps.auditDetail(prepared.channel().label(), null, result.url()));
        }
        List<Outcome> outcomes = Collections.nCopies(round.size(), Outcome.done(null));
        jobs.finishAll(round.stream().map(PublishSteps.Answer::job).toList(), outcomes);
        return outcomes;
    }

    /**
     * The round's answers by client, channel and publication: the order of the keys of the rows they lock in shared
     * tables (a channel's measurement job, which every publication of the channel plans). Two rounds, or a round and a
     * publication recorded alone, that took those rows in different orders waited for each other until the database
     * rolled one back (seen in the benchmark's warm-up, where every channel's job is planned for the first time).
     */
    private static List<PublishSteps.Answer> inLockOrder(List<PublishSteps.Answer> round) {
        return round.stream().sorted(Comparator.comparingLong((PublishSteps.Answer a) -> a.job().tenantId())
                .thenComparingLong(a -> a.prepared().channel().id())
                .thenComparingLong(a -> a.prepared().publicationId())).toList();
    }
}
