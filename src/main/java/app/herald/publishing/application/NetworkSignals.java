package app.herald.publishing.application;

import app.herald.content.domain.Network;
import app.herald.publishing.domain.ChannelActivity;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;

/**
 * A network's push that something happened on one of its accounts (a Meta webhook names only the Page or Instagram
 * account): every client channel connected to that account is read at once, in this transaction, since the push
 * itself carries no tenant and Herald reads what it says from the network rather than trusting the push.
 */
@Stateless
public class NetworkSignals {

    @Inject
    NetworkAccounts accounts;
    @Inject
    Event<ChannelActivity> activity;

    /** Answers how many channels will be read; none when no client has connected the account. */
    public int arrived(Network network, String accountId) {
        List<NetworkAccounts.Holder> holders = accounts.holders(network, accountId);
        holders.forEach(holder -> activity.fire(new ChannelActivity(holder.tenantId(), holder.channelId())));
        return holders.size();
    }
}
