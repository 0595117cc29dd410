package app.herald.publishing.domain;

import app.herald.tenancy.domain.TenantRef;
import java.time.Instant;

/**
 * A CDI event: a publication is now on its network. Fired inside the transaction that records it, so that observers
 * (analytics plans its measurements, webhooks announce it) commit or roll back with it. It carries what observers
 * need, the tenant, the post's campaign as it was read before sending (null when none) and the address the network
 * gave (null when none), so that no observer reads the publication or the post again, and none needs a bound tenant:
 * a round records several tenants' publications in one transaction (ADR 0033).
 */
public record PublicationPublished(TenantRef tenant, long publicationId, long postId, long channelId, Long campaignId,
                                   String networkUrl, Instant publishedAt) {

    public long tenantId() {
        return tenant.id();
    }
}
