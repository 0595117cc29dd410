package app.herald.publishing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.content.domain.Network;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.Secrets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A sign-in under way: ten minutes, once, for the person who started it. */
class OAuthStateTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    private static OAuthState.Started started() {
        return OAuthState.start(7, 11, 42, Network.X, "https://herald.example/oauth/callback", START);
    }

    @Test
    void onlyTheHashOfTheRandomStateIsKept() {
        OAuthState.Started started = started();
        assertTrue(Secrets.looksLikeSecret(started.state()), "256 random bits, URL-safe");
        assertNotEquals(started.state(), OAuthState.hash(started.state()));
        assertEquals(Secrets.sha256(started.state()), OAuthState.hash(started.state()));
        assertNotEquals(started().state(), started.state(), "a new state every time");
        assertTrue(started.record().getCodeVerifier().matches("^[A-Za-z0-9_-]{43,128}$"), "an RFC 7636 verifier");
        assertEquals(OAuthState.hash(""), OAuthState.hash(null), "a missing state is hashed like any other");
    }

    @Test
    void isUsableOnceByItsOwnerWithinTenMinutes() {
        OAuthState state = started().record();
        state.use(42, START.plus(Duration.ofMinutes(9)));
        assertTrue(state.isUsed());
        RuleViolation again = assertThrows(RuleViolation.class, () -> state.use(42, START.plus(Duration.ofMinutes(9))));
        assertTrue(again.getMessage().contains("already completed"), again.getMessage());
    }

    @Test
    void expiresAfterTenMinutes() {
        OAuthState state = started().record();
        assertFalse(state.isExpiredAt(START.plus(Duration.ofMinutes(10)).minusMillis(1)));
        assertTrue(state.isExpiredAt(START.plus(Duration.ofMinutes(10))));
        RuleViolation late = assertThrows(RuleViolation.class, () -> state.use(42, START.plus(Duration.ofMinutes(11))));
        assertTrue(late.getMessage().contains("10 minutes"), late.getMessage());
        assertFalse(state.isUsed());
    }

    @Test
    void anotherPersonIsToldNothingAndDoesNotSpendIt() {
        OAuthState state = started().record();
        RuleViolation other = assertThrows(RuleViolation.class, () -> state.use(43, START.plusSeconds(5)));
        assertEquals(OAuthState.NOT_VALID, other.getMessage());
        assertFalse(state.isUsed(), "still usable by its owner");
        state.use(42, START.plusSeconds(6));
        assertTrue(state.isUsed());
    }

    @Test
    void aMastodonSignInKeepsItsServerAndSealedApp() {
        OAuthState state = OAuthState.start(7, 11, 42, Network.MASTODON, "https://herald.example/oauth/callback",
                START).record();
        state.atInstance("https://mastodon.example", "sealed-app");
        assertEquals("https://mastodon.example", state.getEndpoint());
        assertEquals("sealed-app", state.getAppCredentials());
        assertEquals(Network.MASTODON, state.getNetwork());
        assertEquals(START, state.getCreatedAt());
    }
}
