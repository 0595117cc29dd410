package app.herald.publishing.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.herald.kernel.crypto.KeyRing;
import app.herald.kernel.crypto.TokenCipher;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialVaultTest {

    private final KeyRing keys = new KeyRing(new TokenCipher(Map.of("test", TokenCipher.newKey())));
    private final CredentialVault vault = new CredentialVault(keys, 2);

    @Test
    void aChannelsCredentialsAreOpenedOnceWhileTheirStoredFormStaysTheSame() {
        String sealed = vault.seal(7, 1, Map.of("access_token", "first"));

        Map<String, String> opened = vault.open(7, 1, sealed);

        assertEquals(Map.of("access_token", "first"), opened);
        assertSame(opened, vault.open(7, 1, sealed), "the second call is answered from what the first opened");
        assertThrows(UnsupportedOperationException.class, () -> opened.put("access_token", "changed"),
                "what is kept for the next caller cannot be changed by this one");
    }

    @Test
    void renewedCredentialsAreSeenAtOnce() {
        vault.open(7, 1, vault.seal(7, 1, Map.of("access_token", "first")));

        String renewed = vault.seal(7, 1, Map.of("access_token", "second"));

        assertEquals("second", vault.open(7, 1, renewed).get("access_token"));
    }

    @Test
    void keptCredentialsStillOpenOnlyForTheirOwnTenantAndChannel() {
        String sealed = vault.seal(7, 1, Map.of("access_token", "first"));
        vault.open(7, 1, sealed);

        assertThrows(TokenCipher.CannotDecrypt.class, () -> vault.open(8, 1, sealed), "another tenant's row");
        assertThrows(TokenCipher.CannotDecrypt.class, () -> vault.open(7, 2, sealed), "another channel");
        assertEquals("first", vault.open(7, 1, sealed).get("access_token"));
    }

    @Test
    void onlyTheChannelsUsedLastAreKept() {
        String first = vault.seal(7, 1, Map.of("access_token", "one"));
        String second = vault.seal(7, 2, Map.of("access_token", "two"));
        Map<String, String> one = vault.open(7, 1, first);
        Map<String, String> two = vault.open(7, 2, second);
        vault.open(7, 1, first);
        vault.open(7, 3, vault.seal(7, 3, Map.of("access_token", "three")));

        assertEquals(2, vault.keptOpen());
        assertSame(one, vault.open(7, 1, first), "channel 1, used after channel 2, is still kept");
        assertNotSame(two, vault.open(7, 2, second), "channel 2, used longest ago, was let go and is opened again");
        assertEquals("two", vault.open(7, 2, second).get("access_token"));
    }

    @Test
    void noStoredFormOpensToNothing() {
        assertEquals(Map.of(), vault.open(7, 1, null));
        assertEquals(Map.of(), vault.open(7, 1, " "));
        assertEquals(0, vault.keptOpen());
    }
}
