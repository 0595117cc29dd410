package app.herald.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.identity.domain.Membership;
import app.herald.identity.domain.OneTimeToken;
import app.herald.identity.domain.OneTimeToken.Purpose;
import app.herald.identity.domain.Role;
import app.herald.identity.domain.User;
import app.herald.kernel.RuleViolation;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserAndTokenTest {

    private final Instant now = Instant.parse("2026-10-25T00:30:00Z");

    @Test
    void emailsAreNormalisedAndValidated() {
        assertEquals("nora@northwind.test", User.normalizeEmail("  Nora@Northwind.TEST "));
        for (String bad : new String[] {"", "nora", "nora@", "@northwind.test", "a b@c.de", "<x>@y.zz", "a@b"}) {
            assertThrows(RuleViolation.class, () -> User.normalizeEmail(bad), bad);
        }
    }

    @Test
    void passwordsHaveAMinimumLengthAndDoNotContainTheEmail() {
        assertThrows(RuleViolation.class, () -> User.checkPasswordStrength("short", "a@b.cd"));
        assertThrows(RuleViolation.class, () -> User.checkPasswordStrength("x".repeat(201), "a@b.cd"));
        assertThrows(RuleViolation.class, () -> User.checkPasswordStrength("my nora@northwind.test pw", "nora@northwind.test"));
        User.checkPasswordStrength("twelve chars", "nora@northwind.test");
    }

    @Test
    void invitedUsersSignInOnlyAfterAcceptingAndDisabledOnesNever() {
        User user = User.invite("new@northwind.test", now);
        assertFalse(user.canSignIn());
        user.activate("New Person", "hash");
        assertTrue(user.canSignIn());
        assertEquals("New Person", user.getDisplayName());
        user.disable();
        assertFalse(user.canSignIn());
        assertThrows(RuleViolation.class, () -> user.activate("Again", "hash"));
    }

    @Test
    void aTokenIsUsableOnceForItsPurposeUntilItExpires() {
        OneTimeToken.Issued issued = OneTimeToken.issue(7, Purpose.INVITATION, Duration.ofHours(72), now);
        OneTimeToken token = issued.token();
        assertNotEquals(issued.secret(), OneTimeToken.hash(issued.secret()), "only the hash is kept");
        assertEquals(64, OneTimeToken.hash(issued.secret()).length());
        assertThrows(RuleViolation.class, () -> token.checkUsable(Purpose.PASSWORD_RESET, now));
        assertThrows(RuleViolation.class, () -> token.checkUsable(Purpose.INVITATION, now.plus(Duration.ofHours(72))));
        token.use(Purpose.INVITATION, now.plus(Duration.ofHours(71)));
        RuleViolation reuse = assertThrows(RuleViolation.class, () -> token.use(Purpose.INVITATION, now));
        assertTrue(reuse.getMessage().contains("already been used"));
    }

    @Test
    void secretsAreRandomAndUrlSafe() {
        String a = OneTimeToken.issue(1, Purpose.PASSWORD_RESET, Duration.ofHours(1), now).secret();
        String b = OneTimeToken.issue(1, Purpose.PASSWORD_RESET, Duration.ofHours(1), now).secret();
        assertNotEquals(a, b);
        assertTrue(a.matches("^[A-Za-z0-9_-]{43}$"), a);
    }

    @Test
    void membershipsKeepRolesOnTheirSideAndOwnersUnlimited() {
        Membership editor = Membership.staff(1, 1, Role.EDITOR);
        assertThrows(RuleViolation.class, () -> editor.changeRole(Role.APPROVER));
        assertThrows(RuleViolation.class, () -> Membership.staff(1, 1, Role.VIEWER));
        assertThrows(RuleViolation.class, () -> Membership.client(1, 1, 3, Role.MANAGER));
        editor.limitTo(Set.of(3L));
        assertFalse(editor.isAllTenants());
        editor.forgetTenant(3L);
        assertFalse(editor.isAllTenants(), "forgetting the last client does not widen access");
        assertTrue(editor.getLimitedTo().isEmpty());
        assertThrows(RuleViolation.class, () -> editor.limitTo(Set.of()));
        editor.changeRole(Role.OWNER);
        assertTrue(editor.isAllTenants());
        assertThrows(RuleViolation.class, () -> editor.limitTo(Set.of(3L)));
    }
}
