package app.herald.engagement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.herald.content.domain.Network;
import app.herald.publishing.domain.Person;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One network account of a contact: the network's newest description of it wins. */
class ContactIdentityTest {

    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private static Person ana(String name, String avatar, Long followers) {
        return new Person("did:plc:ana", "ana.bsky.social", name, avatar, followers);
    }

    @Test
    void anAccountIsKeptAsTheNetworkDescribedIt() {
        ContactIdentity i = new ContactIdentity(5, Network.BLUESKY,
                ana("Ana Silva", "https://cdn.bsky.app/ana.jpg", 120L), T0);

        assertEquals(5, i.getContactId());
        assertEquals(Network.BLUESKY, i.getNetwork());
        assertEquals("did:plc:ana", i.getNetworkUserId());
        assertEquals("ana.bsky.social", i.getHandle());
        assertEquals("Ana Silva", i.getName());
        assertEquals(Optional.of("https://cdn.bsky.app/ana.jpg"), i.getAvatarUrl());
        assertEquals(Optional.of(120L), i.getFollowers());
        assertEquals(T0, i.getFirstSeenAt());
        assertEquals(T0, i.getLastSeenAt());
    }

    @Test
    void anAccountWithoutHandleOrNameIsKnownByItsId() {
        ContactIdentity i = new ContactIdentity(5, Network.X, new Person("1234", null, " ", null, null), T0);

        assertEquals("1234", i.getHandle());
        assertEquals("1234", i.getName());
        assertEquals(Optional.empty(), i.getFollowers());
    }

    @Test
    void theNewestDescriptionWins() {
        ContactIdentity i = new ContactIdentity(5, Network.BLUESKY, ana("Ana", null, 100L), T0);

        i.seen(ana("Ana Silva", null, 150L), at(10));

        assertEquals("Ana Silva", i.getName());
        assertEquals(Optional.of(150L), i.getFollowers());
        assertEquals(at(10), i.getLastSeenAt());
    }

    @Test
    void anOlderDescriptionReportedLateOnlyMovesTheFirstSighting() {
        ContactIdentity i = new ContactIdentity(5, Network.BLUESKY, ana("Ana Silva", null, 150L), at(10));

        i.seen(ana("Ana", null, 100L), T0);

        assertEquals("Ana Silva", i.getName());
        assertEquals(Optional.of(150L), i.getFollowers());
        assertEquals(T0, i.getFirstSeenAt());
        assertEquals(at(10), i.getLastSeenAt());
    }

    @Test
    void onlyWebAddressesAreKeptAsPictures() {
        assertEquals(Optional.of("HTTP://cdn.example/a.png"), new ContactIdentity(5, Network.MASTODON,
                ana("Ana", "HTTP://cdn.example/a.png", null), T0).getAvatarUrl());
        assertEquals(Optional.empty(), new ContactIdentity(5, Network.MASTODON,
                ana("Ana", "javascript:alert(1)", null), T0).getAvatarUrl());
        assertEquals(Optional.empty(), new ContactIdentity(5, Network.MASTODON,
                ana("Ana", "data:image/png;base64,AAAA", null), T0).getAvatarUrl());
        assertEquals(Optional.empty(), new ContactIdentity(5, Network.MASTODON,
                ana("Ana", "https://cdn.example/a b.png", null), T0).getAvatarUrl());
        assertEquals(Optional.empty(), new ContactIdentity(5, Network.MASTODON,
                ana("Ana", "https://" + "x".repeat(1000), null), T0).getAvatarUrl());
    }

    @Test
    void aFollowerCountTheNetworkNoLongerTellsIsKept() {
        ContactIdentity i = new ContactIdentity(5, Network.BLUESKY, ana("Ana", null, 100L), T0);

        i.seen(ana("Ana", null, null), at(1));
        assertEquals(Optional.of(100L), i.getFollowers());

        i.seen(ana("Ana", null, -1L), at(2));
        assertEquals(Optional.of(100L), i.getFollowers());

        i.seen(ana("Ana", null, 0L), at(3));
        assertEquals(Optional.of(0L), i.getFollowers());
    }

    @Test
    void longNamesAreCut() {
        ContactIdentity i = new ContactIdentity(5, Network.X,
                new Person(" " + "1".repeat(400), "h".repeat(400), "n".repeat(400), null, null), T0);

        assertEquals("1".repeat(300), i.getNetworkUserId());
        assertEquals("h".repeat(300), i.getHandle());
        assertEquals("n".repeat(200), i.getName());
    }

    @Test
    void anAccountMovesToAnotherContact() {
        ContactIdentity i = new ContactIdentity(5, Network.X, ana("Ana", null, null), T0);
        i.moveTo(8);

        assertEquals(8, i.getContactId());
    }
}
