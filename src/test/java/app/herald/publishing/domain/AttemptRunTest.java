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
        /** What publish answers, one after the other; the last one again once they run out. */
        final java.util.Deque<PublishResult> answers = new java.util.ArrayDeque<>(List.of(ON_NETWORK));

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
            return answers.size() > 1 ? answers.poll() : answers.peek();
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
        assertEquals(ON_NETWORK, AttemptRun.run(network, CHANNEL, POST, Delivery.Attempt.PUBLISH));
        assertEquals(List.of("publish key-5"), network.calls);
    }

    @Test
    void foundByLookupIsPublishedWithoutSendingAgain() {
        PublishResult.Published earlier = new PublishResult.Published("41", "https://n/41");
        Scripted network = new Scripted(new LookupResult.Found(earlier), false);
        assertEquals(earlier, AttemptRun.run(network, CHANNEL, POST, Delivery.Attempt.LOOKUP_FIRST));
        assertEquals(List.of("lookup key-5"), network.calls);
    }

    @Test
    void absentByLookupIsSentWithTheSameKey() {
        Scripted network = new Scripted(new LookupResult.Absent(), false);
        assertEquals(ON_NETWORK, AttemptRun.run(network, CHANNEL, POST, Delivery.Attempt.LOOKUP_FIRST));
        assertEquals(List.of("lookup key-5", "publish key-5"), network.calls);
    }

    @Test
    void anUnknownLookupStaysUnconfirmedUnlessTheNetworkHonoursTheKey() {
        Scripted blind = new Scripted(new LookupResult.Unknown("timeout"), false);
        assertInstanceOf(PublishResult.Unconfirmed.class,
                AttemptRun.run(blind, CHANNEL, POST, Delivery.Attempt.LOOKUP_FIRST));
        assertEquals(List.of("lookup key-5"), blind.calls);

        Scripted idempotent = new Scripted(new LookupResult.Unknown("cannot ask"), true);
        assertEquals(ON_NETWORK, AttemptRun.run(idempotent, CHANNEL, POST, Delivery.Attempt.LOOKUP_FIRST));
        assertEquals(List.of("lookup key-5", "publish key-5"), idempotent.calls);
    }

    private static Scripted answering(boolean idempotent, PublishResult... answers) {
        Scripted network = new Scripted(new LookupResult.Absent(), idempotent);
        network.answers.clear();
        network.answers.addAll(List.of(answers));
        return network;
    }

    @Test
    void aConnectionThatBrokeUnderThePostIsSentAgainAtOnceWhereTheNetworkKeepsOnePostPerKey() {
        Scripted idempotent = answering(true, new PublishResult.Unconfirmed("closed while idle", true), ON_NETWORK);

        assertEquals(ON_NETWORK, AttemptRun.run(idempotent, CHANNEL, POST, Delivery.Attempt.PUBLISH));
        assertEquals(List.of("publish key-5", "publish key-5"), idempotent.calls);
    }

    @Test
    void aBrokenConnectionIsLeftForTheLookupWhereAResendCouldDoubleThePost() {
        Scripted blind = answering(false, new PublishResult.Unconfirmed("closed while idle", true), ON_NETWORK);

        assertInstanceOf(PublishResult.Unconfirmed.class, AttemptRun.run(blind, CHANNEL, POST, Delivery.Attempt.PUBLISH));
        assertEquals(List.of("publish key-5"), blind.calls);
    }

    @Test
    void aNetworkThatFellSilentIsNotAskedAgainAtOnce() {
        Scripted idempotent = answering(true, new PublishResult.Unconfirmed("no answer in 20 s"), ON_NETWORK);

        assertInstanceOf(PublishResult.Unconfirmed.class,
                AttemptRun.run(idempotent, CHANNEL, POST, Delivery.Attempt.PUBLISH));
        assertEquals(List.of("publish key-5"), idempotent.calls);
    }

    @Test
    void theImmediateResendHappensOnceOnly() {
        PublishResult broken = new PublishResult.Unconfirmed("closed while idle", true);
        Scripted idempotent = answering(true, broken, broken, ON_NETWORK);

        assertEquals(broken, AttemptRun.run(idempotent, CHANNEL, POST, Delivery.Attempt.PUBLISH));
        assertEquals(2, idempotent.calls.size());
    }
}
