package app.herald.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.identity.domain.Role;
import app.herald.identity.domain.SignOnIdentity;
import app.herald.identity.domain.SignOnSettings;
import app.herald.identity.domain.User;
import app.herald.kernel.RuleViolation;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignOnSettingsTest {

    private final Instant now = Instant.parse("2026-12-06T10:00:00Z");

    private SignOnSettings settings() {
        return new SignOnSettings(7, "Northwind", "https://login.northwind.test/realms/staff", "herald", "sealed", now);
    }

    @Test
    void theSignInNameIsLowerCaseLettersDigitsAndInnerHyphens() {
        assertEquals("northwind", settings().getSignInName());
        assertEquals("north-wind-2", SignOnSettings.checkSignInName(" North-Wind-2 "));
        for (String bad : new String[] {"", "-north", "north-", "north wind", "north_wind", "nörth", "a".repeat(41),
                "<script>"}) {
            assertThrows(RuleViolation.class, () -> SignOnSettings.checkSignInName(bad), bad);
        }
    }

    @Test
    void theIssuerIsAnAbsoluteHttpAddressKeptExactlyAsTyped() {
        assertEquals("https://login.example.com/realms/a/", SignOnSettings.checkIssuer(" https://login.example.com/realms/a/ "),
                "a trailing slash is part of an issuer and is kept");
        for (String bad : new String[] {"", "login.example.com", "ftp://login.example.com", "https://", "javascript:alert(1)",
                "https://login.example.com/?tenant=1", "https://login.example.com/#x", "https://user@login.example.com",
                "https://login.example.com/" + "a".repeat(300)}) {
            assertThrows(RuleViolation.class, () -> SignOnSettings.checkIssuer(bad), bad);
        }
        assertThrows(RuleViolation.class, () -> settings().useProvider("https://login.example.com", "has space", now));
    }

    @Test
    void peopleJoinOnlyAtTheNamedDomainsAndNeverAsOwners() {
        SignOnSettings settings = settings();
        assertFalse(settings.letsJoin("nia@northwind.test"), "nobody joins until a role is chosen");

        settings.letJoin(Role.EDITOR, "Northwind.test, @studio.northwind.test northwind.test");
        assertEquals(List.of("northwind.test", "studio.northwind.test"), settings.domains());
        assertTrue(settings.letsJoin("nia@northwind.test"));
        assertTrue(settings.letsJoin("Nia@STUDIO.northwind.test"));
        assertFalse(settings.letsJoin("nia@evil-northwind.test"));
        assertFalse(settings.letsJoin("nia@northwind.test.evil.example"));
        assertFalse(settings.letsJoin(null));

        assertThrows(RuleViolation.class, () -> settings.letJoin(Role.OWNER, "northwind.test"));
        assertThrows(RuleViolation.class, () -> settings.letJoin(Role.APPROVER, "northwind.test"));
        assertThrows(RuleViolation.class, () -> settings.letJoin(Role.EDITOR, " "), "a domain is required");
        assertThrows(RuleViolation.class, () -> settings.letJoin(Role.EDITOR, "northwind"));
        assertThrows(RuleViolation.class, () -> settings.letJoin(Role.EDITOR, "x@northwind.test"));
        assertEquals(List.of("northwind.test", "studio.northwind.test"), settings.domains(), "a refusal changes nothing");

        settings.letJoin(null, "ignored.test");
        assertFalse(settings.letsJoin("nia@northwind.test"));
    }

    @Test
    void staffBelowOwnerMustUseTheProviderWhenTheAgencySaysSo() {
        SignOnSettings settings = settings();
        assertFalse(settings.requiresProviderFor(Role.EDITOR));
        settings.requireForStaff(true);
        assertTrue(settings.requiresProviderFor(Role.MANAGER));
        assertTrue(settings.requiresProviderFor(Role.ANALYST));
        assertFalse(settings.requiresProviderFor(Role.OWNER), "owners keep a way in when the provider is down");
        assertFalse(settings.requiresProviderFor(Role.APPROVER), "client users keep password and two-factor");
    }

    @Test
    void aSubjectIsKeptOnlyAsTheProtocolAllows() {
        assertEquals("248289761001", new SignOnIdentity(1, 7, "https://i", "248289761001", now).getSubject());
        for (String bad : new String[] {"", "a".repeat(256), "tab\there", "ünïcode"}) {
            assertThrows(RuleViolation.class, () -> new SignOnIdentity(1, 7, "https://i", bad, now), bad);
        }
        assertThrows(RuleViolation.class, () -> new SignOnIdentity(1, 7, "https://i", null, now));
    }

    @Test
    void someoneWhoJoinsThroughTheProviderIsActiveWithoutAPassword() {
        User joined = User.joinedThroughSignOn("Nia@Northwind.test", "\u202eNia", now);
        assertTrue(joined.canSignIn());
        assertFalse(joined.hasPassword());
        assertEquals("nia@northwind.test", joined.getEmail());
        assertEquals("nia@northwind.test", joined.getDisplayName(), "an unusable name is not shown");
        assertEquals("Nia New", User.joinedThroughSignOn("nia@northwind.test", "Nia New", now).getDisplayName());
    }
}
