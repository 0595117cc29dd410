package app.herald.engagement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.content.domain.Network;
import app.herald.kernel.RuleViolation;
import app.herald.publishing.domain.Person;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A person in a client's relationship: named by the network at first, then by the agency. */
class ContactTest {

    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private static Contact ana() {
        return new Contact("  Ana Silva ", T0, at(1));
    }

    @Test
    void aNewContactIsNamedAsTheNetworkSaidAndSeenOnce() {
        Contact c = ana();

        assertEquals("Ana Silva", c.getName());
        assertEquals(T0, c.getFirstSeenAt());
        assertEquals(T0, c.getLastSeenAt());
        assertFalse(c.isVip());
        assertEquals(List.of(), c.getTags());
        assertEquals(Optional.empty(), c.getNote());
    }

    @Test
    void aNetworksNameIsCutRatherThanRefused() {
        assertEquals("x".repeat(200), new Contact("x".repeat(250), T0, T0).getName());
        assertEquals("", new Contact(null, T0, T0).getName());
    }

    @Test
    void sightingsReportedOutOfOrderWidenWhenTheContactWasSeen() {
        Contact c = ana();

        c.seen(at(60));
        c.seen(T0.minus(Duration.ofDays(2)));
        c.seen(at(30));

        assertEquals(T0.minus(Duration.ofDays(2)), c.getFirstSeenAt());
        assertEquals(at(60), c.getLastSeenAt());
    }

    @Test
    void linkedAccountsSeenEarlierMoveTheFirstSighting() {
        Contact c = ana();
        ContactIdentity older = new ContactIdentity(1, Network.X, new Person("42", "ana", "Ana", null, null),
                T0.minus(Duration.ofDays(30)));
        ContactIdentity newer = new ContactIdentity(1, Network.BLUESKY, new Person("did:plc:ana", null, null, null,
                null), at(5));

        c.describedBy(List.of(newer, older));

        assertEquals(T0.minus(Duration.ofDays(30)), c.getFirstSeenAt());
        assertEquals(T0, c.getLastSeenAt());
    }

    @Test
    void accountsSeenLaterDoNotMoveTheFirstSighting() {
        Contact c = ana();
        c.describedBy(List.of(new ContactIdentity(1, Network.X, new Person("42", "ana", "Ana", null, null), at(5))));

        assertEquals(T0, c.getFirstSeenAt());
    }

    @Test
    void theAgencyRenamesAContactAsANameIsChecked() {
        Contact c = ana();

        c.rename("  Ana from Lisbon ");
        assertEquals("Ana from Lisbon", c.getName());

        assertThrows(RuleViolation.class, () -> c.rename("  "));
        assertThrows(RuleViolation.class, () -> c.rename("x".repeat(201)));
        assertThrows(RuleViolation.class, () -> c.rename("Ana\u202Egnp.exe"));
        assertEquals("Ana from Lisbon", c.getName());
    }

    @Test
    void vipIsMarkedAndUnmarked() {
        Contact c = ana();

        c.markVip(true);
        assertTrue(c.isVip());

        c.markVip(false);
        assertFalse(c.isVip());
    }

    @Test
    void tagsAreCleanedAndFoundInTheirCleanForm() {
        Contact c = ana();
        c.tag(" Top Fan ");
        c.tag("billing");
        c.tag("TOP FAN");

        assertEquals(List.of("top fan", "billing"), c.getTags());
        assertTrue(c.hasTag("top fan"));
        assertFalse(c.hasTag("vip"));

        c.untag("Top Fan");
        assertEquals(List.of("billing"), c.getTags());
        assertThrows(RuleViolation.class, () -> c.tag("50%"));
    }

    @Test
    void aNoteKeepsLinesAndABlankNoteClearsIt() {
        Contact c = ana();

        c.note("  Prefers e-mail.\nCalls on Fridays.  ");
        assertEquals(Optional.of("Prefers e-mail.\nCalls on Fridays."), c.getNote());

        c.note("   ");
        assertEquals(Optional.empty(), c.getNote());
    }

    @Test
    void aNoteTooLongOrWithControlCharactersIsRefused() {
        Contact c = ana();
        c.note("Kept");

        assertThrows(RuleViolation.class, () -> c.note("x".repeat(Contact.MAX_NOTE + 1)));
        assertThrows(RuleViolation.class, () -> c.note("bell\u0007"));
        assertEquals(Optional.of("Kept"), c.getNote());

        c.note("x".repeat(Contact.MAX_NOTE));
        assertEquals(Contact.MAX_NOTE, c.getNote().orElseThrow().length());
    }
}
