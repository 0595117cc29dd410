package app.herald.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.identity.domain.Actor;
import app.herald.identity.domain.ApiScope;
import app.herald.identity.domain.ApiToken;
import app.herald.identity.domain.Role;
import app.herald.kernel.RuleViolation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiTokenTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private static ApiToken token(Set<Long> clients, Instant expires) {
        return new ApiToken(1, 7, "owner@example.com", "CMS", Set.of(ApiScope.POSTS_READ), clients, NOW, expires,
                "abcdefghij");
    }

    private static Actor member(boolean all, Set<Long> limitedTo, Role role) {
        return new Actor(7, "member@example.com", false, Optional.of(1L), Optional.of(role), Optional.empty(), all,
                limitedTo);
    }

    @Test
    void aTokenNeedsANameAScopeAndAnExpiryWithinAYear() {
        assertThrows(RuleViolation.class, () -> new ApiToken(1, 7, "o", " ", Set.of(ApiScope.POSTS_READ), Set.of(),
                NOW, NOW.plus(Duration.ofDays(1)), "abcdefghij"));
        assertThrows(RuleViolation.class, () -> new ApiToken(1, 7, "o", "CMS", Set.of(), Set.of(), NOW,
                NOW.plus(Duration.ofDays(1)), "abcdefghij"));
        assertThrows(RuleViolation.class, () -> token(Set.of(), NOW));
        assertThrows(RuleViolation.class, () -> token(Set.of(), NOW.plus(Duration.ofDays(367))));
        assertThrows(RuleViolation.class, () -> ApiScope.of("posts:delete"));
    }

    @Test
    void anExpiredOrRevokedTokenSaysSo() {
        ApiToken token = token(Set.of(), NOW.plus(Duration.ofDays(1)));
        assertEquals(Optional.empty(), token.refusal(NOW));
        assertEquals(Optional.of("This token has expired."), token.refusal(NOW.plus(Duration.ofDays(1))));
        token.revoke(NOW);
        assertEquals(Optional.of("This token was revoked."), token.refusal(NOW));
    }

    @Test
    void aTokenNeverReachesMoreThanItsMemberSeesNow() {
        ApiToken everyClient = token(Set.of(), NOW.plus(Duration.ofDays(1)));
        Actor limited = member(false, Set.of(3L, 4L), Role.EDITOR);
        assertSame(limited, everyClient.narrow(limited));

        ApiToken someClients = token(Set.of(4L, 5L), NOW.plus(Duration.ofDays(1)));
        Actor narrowed = someClients.narrow(limited);
        assertFalse(narrowed.allClients());
        assertEquals(Set.of(4L), narrowed.limitedTo(), "5 is named but the member no longer works on it");
        assertEquals(Set.of(4L, 5L), someClients.narrow(member(true, Set.of(), Role.OWNER)).limitedTo());
        assertEquals(Optional.of(Role.EDITOR), narrowed.role(), "the role is the member's, as it is now");
        assertTrue(narrowed.mayOpen(4L, 1L));
        assertFalse(narrowed.mayOpen(3L, 1L));
    }

    @Test
    void aUseIsWrittenAtMostOnceAMinuteFromTheSameAddress() {
        ApiToken token = token(Set.of(), NOW.plus(Duration.ofDays(1)));
        List<Boolean> written = List.of(token.used(NOW, "10.0.0.1"), token.used(NOW.plusSeconds(30), "10.0.0.1"),
                token.used(NOW.plusSeconds(31), "10.0.0.2"), token.used(NOW.plusSeconds(100), "10.0.0.2"));
        assertEquals(List.of(true, false, true, true), written);
        assertEquals(Optional.of("10.0.0.2"), token.getLastUsedFrom());
    }
}
