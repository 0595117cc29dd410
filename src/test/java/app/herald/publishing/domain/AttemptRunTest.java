package app.herald.publishing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import app.herald.content.domain.Network;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decision of what to ask a network, with a connector that answers as scripted and records what it was asked. */
class AttemptRunTest {

    private static final ChannelAccess CHANNEL = new ChannelAccess(1, "https://example.invalid", "@acme", Map.of());
    private static final Outgoing POST = new Outgoing(5, "key-5", "Hello");
    private static final PublishResult.Published ON_NETWORK = new PublishResult.Published("42", "https://n/42");

    /** Scripted answers; {@code calls} says which methods ran, in order. */
    private static final class Scripted implements NetworkConnector {
        final List<String> calls = new ArrayList<>();
        final LookupResult lookup;
        final boolean idempotent;

        Scripted(LookupResult lookup, boolean idempotent) {
            this.lookup = lookup;
            this.idempotent = idempotent;
        }

        @Override
        public Network network() {
            return Network.MASTODON;
        }

        @Override
        public List<String> validate(Outgoing post) {
            return List.of();
        }

        @Override
        public AccountCheck whoAmI(ChannelAccess channel) {
            return new AccountCheck.Confirmed(channel.account());
        }

        @Override
        public PublishResult publish(ChannelAccess channel, Outgoing post) {
            calls.add("publish " + post.idempotencyKey());
            return ON_NETWORK;
        }

        @Override
        public LookupResult lookup(ChannelAccess channel, Outgoing post) {
            calls.add("lookup " + post.idempotencyKey());
            return lookup;
        }

        @Override
        public boolean honoursIdempotencyKey() {
            return idempotent;
        }

        @Override
        public MetricReading fetchMetrics(ChannelAccess channel, String networkPostId) {
            return new MetricReading(Instant.now(), Map.of());
        }

        @Override
        public MetricReading fetchChannelMetrics(ChannelAccess channel) {
            return new MetricReading(Instant.now(), Map.of());
        }
    }

    @Test
    void aFirstAttemptPublishesWithoutAsking() {
        Scripted network = new Scripted(new LookupResult.Absent(), false);
        assertEquals(ON_NETWORK, AttemptRun.run(network, CHANNEL, POST, Publication.Attempt.PUBLISH));
        assertEquals(List.of("publish key-5"), network.calls);
    }

    @Test
    void foundByLookupIsPublishedWithoutSendingAgain() {
        PublishResult.Published earlier = new PublishResult.Published("41", "https://n/41");
        Scripted network = new Scripted(new LookupResult.Found(earlier), false);
        assertEquals(earlier, AttemptRun.run(network, CHANNEL, POST, Publication.Attempt.LOOKUP_FIRST));
        assertEquals(List.of("lookup key-5"), network.calls);
    }

    @Test
    void absentByLookupIsSentWithTheSameKey() {
        Scripted network = new Scripted(new LookupResult.Absent(), false);
        assertEquals(ON_NETWORK, AttemptRun.run(network, CHANNEL, POST, Publication.Attempt.LOOKUP_FIRST));
        assertEquals(List.of("lookup key-5", "publish key-5"), network.calls);
    }

    @Test
    void anUnknownLookupStaysUnconfirmedUnlessTheNetworkHonoursTheKey() {
        Scripted blind = new Scripted(new LookupResult.Unknown("timeout"), false);
        assertInstanceOf(PublishResult.Unconfirmed.class,
                AttemptRun.run(blind, CHANNEL, POST, Publication.Attempt.LOOKUP_FIRST));
        assertEquals(List.of("lookup key-5"), blind.calls);

        Scripted idempotent = new Scripted(new LookupResult.Unknown("cannot ask"), true);
        assertEquals(ON_NETWORK, AttemptRun.run(idempotent, CHANNEL, POST, Publication.Attempt.LOOKUP_FIRST));
        assertEquals(List.of("lookup key-5", "publish key-5"), idempotent.calls);
    }
}
