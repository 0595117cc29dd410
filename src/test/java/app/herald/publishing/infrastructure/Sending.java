package app.herald.publishing.infrastructure;

import app.herald.publishing.domain.ChannelAccess;
import app.herald.publishing.domain.NetworkConnector;
import app.herald.publishing.domain.Outgoing;
import app.herald.publishing.domain.PublishResult;
import java.util.concurrent.TimeUnit;

/**
 * The two ways a connector publishes: on the calling thread, or answering later (where it can, without a thread
 * waiting). Tests of what the network answers run both, so that the two give the same result.
 */
enum Sending {

    AT_ONCE {
        @Override
        PublishResult publish(NetworkConnector connector, ChannelAccess channel, Outgoing post) {
            return connector.publish(channel, post);
        }
    },
    LATER {
        @Override
        PublishResult publish(NetworkConnector connector, ChannelAccess channel, Outgoing post) {
            try {
                return connector.publishLater(channel, post).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("publishLater did not answer: " + e, e);
            }
        }
    };

    abstract PublishResult publish(NetworkConnector connector, ChannelAccess channel, Outgoing post);
}
