package app.herald.tracking.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One-way visitor fingerprints and the one-hour repeat rule. */
class VisitorsTest {

    private static final String IP = "203.0.113.7";
    private static final String UA = "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0";
    private static final String PEPPER = "pepper-1";

    @Test
    @DisplayName("The fingerprint is SHA-256 of pepper, address and User-Agent separated by NUL bytes")
    void knownDigest() {
        // printf '%s\0%s\0%s' 'pepper-1' '203.0.113.7' '<UA>' | sha256sum
        assertEquals("cb4bcd2d256b8c04ce81914efca0995752e83718f1eff3b0437f81595407644e",
                Visitors.fingerprint(IP, UA, PEPPER));
    }

    @Test
    @DisplayName("The fingerprint is deterministic, 64 lower-case hex characters, without the address in it")
    void deterministicAndAnonymous() {
        String fp = Visitors.fingerprint(IP, UA, PEPPER);
        assertEquals(fp, Visitors.fingerprint(IP, UA, PEPPER));
        assertEquals(64, fp.length());
        assertTrue(fp.matches("[0-9a-f]{64}"), fp);
        assertFalse(fp.contains(IP));
        assertFalse(fp.contains("203"), "not even the first octet");
    }

    @Test
    @DisplayName("The fingerprint differs by address, User-Agent and pepper")
    void differsByEachInput() {
        String fp = Visitors.fingerprint(IP, UA, PEPPER);
        assertNotEquals(fp, Visitors.fingerprint("203.0.113.8", UA, PEPPER));
        assertNotEquals(fp, Visitors.fingerprint(IP, UA.replace("121.0", "122.0"), PEPPER));
        assertNotEquals(fp, Visitors.fingerprint(IP, UA, "pepper-2"));
    }

    @Test
    @DisplayName("The separator keeps address and User-Agent apart: (\"1.2.3.4\", \"5x\") is not (\"1.2.3.45\", \"x\")")
    void fieldsDoNotRunTogether() {
        assertNotEquals(Visitors.fingerprint("1.2.3.4", "5x", PEPPER), Visitors.fingerprint("1.2.3.45", "x", PEPPER));
    }

    @Test
    @DisplayName("A click within an hour of the last counted one is a repeat; exactly at the hour still is, after is not")
    void repeatWindow() {
        Instant last = Instant.parse("2027-05-01T12:00:00Z");
        assertEquals(Duration.ofHours(1), Visitors.REPEAT_WINDOW);
        assertTrue(Visitors.isRepeat(last, last));
        assertTrue(Visitors.isRepeat(last, Instant.parse("2027-05-01T12:59:59Z")));
        assertTrue(Visitors.isRepeat(last, Instant.parse("2027-05-01T13:00:00Z")));
        assertFalse(Visitors.isRepeat(last, Instant.parse("2027-05-01T13:00:01Z")));
        assertFalse(Visitors.isRepeat(last, Instant.parse("2027-05-02T12:00:00Z")));
    }

    @Test
    @DisplayName("Without a last counted click nothing is a repeat")
    void noLastClick() {
        assertFalse(Visitors.isRepeat(null, Instant.parse("2027-05-01T12:00:00Z")));
    }
}
