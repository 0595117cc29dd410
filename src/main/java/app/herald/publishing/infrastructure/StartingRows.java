package app.herald.publishing.infrastructure;

import app.herald.content.domain.Channel;
import app.herald.content.domain.Network;
import app.herald.kernel.sql.Jdbc;
import app.herald.publishing.domain.DuePublication;
import app.herald.publishing.domain.PublicationState;
import app.herald.publishing.domain.SendingChannel;
import app.herald.tenancy.domain.TenantRef;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * A round that starts several clients' publications at once (ADR 0034) reads and marks them here, in plain SQL in the
 * caller's transaction, each statement qualified by the schema of the client it was given: one query per client for
 * its publications with their channels and copies, and one update per publication that marks it as being sent, the
 * same change as {@code Delivery.start} makes on the entity for a first attempt (state, one attempt more, no retry
 * planned, the instant, the version counted up so that an edit read before it fails). {@code PublishingIT} checks
 * that publications started either way leave the same rows.
 */
@ApplicationScoped
public class StartingRows {

    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;

    /**
     * The client's publications among {@code publicationIds} that have a copy for their channel, by id. The list of
     * ids is padded to a power of two (repeating the last) so that a connection's kept statements hold a few texts
     * per client, not one per number of publications.
     */
    public Map<Long, DuePublication> due(TenantRef tenant, List<Long> publicationIds) {
        if (publicationIds.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = padded(publicationIds);
        String schema = tenant.schema().value() + ".";
        String sql = "SELECT p.id, p.post_id, p.version, p.state, p.due_at, p.next_attempt_at, p.idempotency_key, "
                + "c.id, c.network, c.handle, c.display_name, c.endpoint, c.credentials, c.connected_at, "
                + "c.connection_problem, c.rate_limited_until, v.text, v.first_comment, o.campaign_id, "
                + "EXISTS (SELECT 1 FROM " + schema + "variant_media a WHERE a.variant_id = v.id) FROM " + schema
                + "publication p JOIN " + schema + "channel c ON c.id = p.channel_id JOIN " + schema + "variant v "
                + "ON v.post_id = p.post_id AND v.channel_id = p.channel_id JOIN " + schema + "post o "
                + "ON o.id = p.post_id WHERE p.id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?"))
                + ")";
        return Jdbc.list(dataSource, sql, row -> {
            Network network = Network.valueOf(row.getString(9));
            SendingChannel channel = new SendingChannel(row.getLong(8), network, row.getString(10),
                    Channel.label(row.getString(11), network), row.getString(12), row.getString(13));
            return new DuePublication(row.getLong(1), row.getLong(2), row.getInt(3),
                    PublicationState.valueOf(row.getString(4)), row.getLong(5), Jdbc.longOrNull(row, 6),
                    row.getString(7), channel, Channel.isConnected(Jdbc.longOrNull(row, 14), row.getString(15)),
                    Jdbc.longOrNull(row, 16), row.getString(17), row.getString(18), Jdbc.longOrNull(row, 19),
                    row.getBoolean(20));
        }, ids.toArray()).stream().collect(Collectors.toMap(DuePublication::id, Function.identity(), (a, b) -> a));
    }

    private static List<Long> padded(List<Long> ids) {
        List<Long> padded = new ArrayList<>(ids);
        int size = Integer.highestOneBit(ids.size());
        size = size == ids.size() ? size : size * 2;
        while (padded.size() < size) {
            padded.add(ids.get(ids.size() - 1));
        }
        return padded;
    }

    /**
     * Marks each publication as being sent, in its client's schema, if it is as it was read (its version and state).
     * False when any was changed meanwhile (an edit, another attempt): the caller's transaction must then not commit.
     */
    public boolean started(TenantRef tenant, List<DuePublication> starting, Instant now) {
        String sql = "UPDATE " + tenant.schema().value() + ".publication SET state = ?, attempts = attempts + 1, "
                + "next_attempt_at = NULL, updated_at = ?, version = version + 1 "
                + "WHERE id = ? AND version = ? AND state = ?";
        for (DuePublication publication : starting) {
            if (Jdbc.update(dataSource, sql, PublicationState.PUBLISHING.name(), now.toEpochMilli(),
                    publication.id(), publication.version(), publication.state().name()) != 1) {
                return false;
            }
        }
        return true;
    }
}
