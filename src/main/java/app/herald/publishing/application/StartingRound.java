package app.herald.publishing.application;

import app.herald.jobs.application.Jobs;
import app.herald.jobs.domain.Job;
import app.herald.kernel.crypto.TokenCipher;
import app.herald.publishing.domain.Delivery;
import app.herald.publishing.domain.DuePublication;
import app.herald.publishing.domain.LinkTracking;
import app.herald.publishing.infrastructure.StartingRows;
import app.herald.tenancy.application.TenantJobs;
import app.herald.tenancy.domain.TenantRef;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Starts several clients' publications at once, in one transaction (ADR 0034), as {@link PublishSteps#beginAll} does
 * for one client's: every attempt's hold on its job checked in one statement, then, client by client as the gate
 * admits Herald into each, its publications read with their channels and copies in one query and each marked as
 * being sent. It works in plain SQL qualified by each client's schema and uses no tenant EntityManager, so no
 * persistence context ever holds two clients' rows. It takes only what simply goes out now
 * ({@link DuePublication#goesOutAsItIs}, with no link to track and a sign-in that opens); the others are left
 * untouched for their client's own rounds, which start them through their entities and say why when they do not go.
 */
@Stateless
public class StartingRound {

    @Inject
    Jobs jobs;
    @Inject
    TenantJobs tenants;
    @Inject
    StartingRows rows;
    @Inject
    ChannelKeys keys;
    @Inject
    LinkTracking links;

    /**
     * Answers, for each job in its order, what sending its publication needs, or empty for one left to its client's
     * rounds. Throws {@link Jobs.LeaseLost}, writing nothing, when any attempt lost its job, and
     * {@link IllegalStateException} when a publication changed between reading and marking it.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Optional<PublishSteps.Prepared>> beginAll(List<Job> round) {
        if (!jobs.holdAll(round)) {
            throw new Jobs.LeaseLost(round);
        }
        Instant now = Instant.now();
        Map<Long, PublishSteps.Prepared> begun = new HashMap<>();
        Map<Long, List<Job>> byClient = new TreeMap<>();
        round.forEach(job -> byClient.computeIfAbsent(job.tenantId(), client -> new ArrayList<>()).add(job));
        for (List<Job> clients : byClient.values()) {
            Optional<TenantRef> tenant = tenants.admitted(clients.get(0), PublishSteps.PUBLISHER);
            if (tenant.isEmpty()) {
                continue;
            }
            Map<Long, DuePublication> due = rows.due(tenant.get(), clients.stream().map(Job::subjectId).sorted()
                    .toList());
            List<DuePublication> starting = new ArrayList<>();
            for (Job job : clients) {
                DuePublication publication = due.get(job.subjectId());
                Optional<PublishSteps.Prepared> prepared = publication == null ? Optional.empty()
                        : prepared(tenant.get(), publication, now);
                if (prepared.isPresent()) {
                    begun.put(job.id(), prepared.get());
                    starting.add(publication);
                }
            }
            // In the order of their keys, as the client's own rounds lock them.
            starting.sort(Comparator.comparingLong(DuePublication::id));
            if (!rows.started(tenant.get(), starting, now)) {
                throw new IllegalStateException("A publication of client " + tenant.get().id()
                        + " changed while its sending began");
            }
        }
        return round.stream().map(job -> Optional.ofNullable(begun.get(job.id()))).toList();
    }

    private Optional<PublishSteps.Prepared> prepared(TenantRef tenant, DuePublication publication, Instant now) {
        if (!publication.goesOutAsItIs(now) || links.changes(publication.text())) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PublishSteps.Prepared(publication.id(), publication.postId(),
                    Delivery.Attempt.PUBLISH, publication.channel(), keys.open(tenant.id(), publication.channel()),
                    publication.outgoing(), publication.campaignId()));
        } catch (TokenCipher.CannotDecrypt e) {
            // Recorded as the channel's lost connection when its client's round starts it.
            return Optional.empty();
        }
    }
}
