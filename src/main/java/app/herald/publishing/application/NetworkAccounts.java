package app.herald.publishing.application;

import app.herald.content.domain.Network;
import app.herald.kernel.sql.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import javax.sql.DataSource;

/**
 * The platform's index from a network's own account id (a Facebook Page id, an Instagram account id) to the client
 * channels connected to it, kept in the transaction that connects or disconnects them, for networks that push events
 * naming only the account.
 */
@ApplicationScoped
public class NetworkAccounts {

    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;

    /** A client's channel connected to the account. */
    public record Holder(long tenantId, long channelId) {
    }

    /** The channel is connected to this account now (and to no other). */
    public void connected(Network network, String accountId, long tenantId, long channelId) {
        disconnected(tenantId, channelId);
        Jdbc.update(dataSource, "INSERT INTO network_account (network, account_id, tenant_id, channel_id) "
                + "VALUES (?, ?, ?, ?)", network, accountId, tenantId, channelId);
    }

    public void disconnected(long tenantId, long channelId) {
        Jdbc.update(dataSource, "DELETE FROM network_account WHERE tenant_id = ? AND channel_id = ?", tenantId,
                channelId);
    }

    public List<Holder> holders(Network network, String accountId) {
        return Jdbc.list(dataSource, "SELECT tenant_id, channel_id FROM network_account WHERE network = ? AND "
                + "account_id = ?", row -> new Holder(row.getLong(1), row.getLong(2)), network, accountId);
    }
}
