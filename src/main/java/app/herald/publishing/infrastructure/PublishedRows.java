package app.herald.publishing.infrastructure;

import app.herald.kernel.sql.Jdbc;
import app.herald.publishing.domain.PublicationState;
import app.herald.tenancy.domain.TenantRef;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * A publication marked published in plain SQL, in the caller's transaction, for a round that records several clients'
 * answers at once (ADR 0033): the same change as {@code Delivery.published} makes on the entity (state, the network's
 * id and address, no reason, the instant, the version counted up so that an edit read before it fails), and only on a
 * publication still being sent. {@code PublishingIT} checks that both ways leave the same row.
 */
@ApplicationScoped
public class PublishedRows {

    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;

    /** False, changing nothing, when the publication is not being sent (any more). */
    public boolean published(TenantRef tenant, long publicationId, String networkPostId, String url, Instant now) {
        return Jdbc.update(dataSource, "UPDATE " + tenant.schema().value() + ".publication SET state = ?, "
                + "network_post_id = ?, network_url = ?, reason = NULL, published_at = ?, updated_at = ?, "
                + "version = version + 1 WHERE id = ? AND state = ?", PublicationState.PUBLISHED.name(), networkPostId,
                url, now.toEpochMilli(), now.toEpochMilli(), publicationId, PublicationState.PUBLISHING.name()) == 1;
    }
}
