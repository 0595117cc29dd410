package app.herald.kernel.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

    private static final byte[] OLD = TokenCipher.newKey();
    private static final byte[] NEW = TokenCipher.newKey();
    private static final String CONTEXT = "herald:tenant:1:channel:7";

    @Test
    void roundTripsAndNeverStoresThePlaintext() {
        TokenCipher cipher = new TokenCipher(Map.of("k1", OLD));
        String sealed = cipher.encrypt("{\"access_token\":\"secret-token\"}", CONTEXT);
        assertTrue(sealed.startsWith("k1:"));
        assertFalse(sealed.contains("secret-token"));
        assertNotEquals(sealed, cipher.encrypt("{\"access_token\":\"secret-token\"}", CONTEXT), "a fresh IV each time");
        assertEquals("{\"access_token\":\"secret-token\"}", cipher.decrypt(sealed, CONTEXT));
    }

    @Test
    void aValueCopiedToAnotherTenantOrChannelDoesNotDecrypt() {
        TokenCipher cipher = new TokenCipher(Map.of("k1", OLD));
        String sealed = cipher.encrypt("token", CONTEXT);
        assertThrows(TokenCipher.CannotDecrypt.class, () -> cipher.decrypt(sealed, "herald:tenant:2:channel:7"));
        assertThrows(TokenCipher.CannotDecrypt.class, () -> cipher.decrypt(sealed, "herald:tenant:1:channel:8"));
    }

    @Test
    void anAlteredValueDoesNotDecrypt() {
        TokenCipher cipher = new TokenCipher(Map.of("k1", OLD));
        String sealed = cipher.encrypt("token", CONTEXT);
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String altered = "k1:" + Base64.getEncoder().encodeToString(raw);
        assertThrows(TokenCipher.CannotDecrypt.class, () -> cipher.decrypt(altered, CONTEXT));
        assertThrows(TokenCipher.CannotDecrypt.class, () -> cipher.decrypt("k1:not-base64!", CONTEXT));
    }

    @Test
    void rotationEncryptsWithTheNewKeyAndStillReadsTheOld() {
        String sealedWithOld = new TokenCipher(Map.of("2025", OLD)).encrypt("token", CONTEXT);
        Map<String, byte[]> ring = new LinkedHashMap<>();
        ring.put("2026", NEW);
        ring.put("2025", OLD);
        TokenCipher rotated = new TokenCipher(ring);
        assertEquals("token", rotated.decrypt(sealedWithOld, CONTEXT));
        assertTrue(rotated.isStale(sealedWithOld));
        String resealed = rotated.encrypt("token", CONTEXT);
        assertTrue(resealed.startsWith("2026:"));
        assertFalse(rotated.isStale(resealed));

        TokenCipher withoutOld = new TokenCipher(Map.of("2026", NEW));
        assertThrows(TokenCipher.CannotDecrypt.class, () -> withoutOld.decrypt(sealedWithOld, CONTEXT));
    }

    @Test
    void parsesTheConfiguredRingCurrentKeyFirst() {
        String configured = "b=" + Base64.getEncoder().encodeToString(NEW) + ", a=" + Base64.getEncoder().encodeToString(OLD);
        TokenCipher cipher = TokenCipher.parse(configured);
        assertTrue(cipher.encrypt("x", CONTEXT).startsWith("b:"));
        assertThrows(IllegalArgumentException.class, () -> TokenCipher.parse("short=" + Base64.getEncoder().encodeToString(new byte[16])));
        assertThrows(IllegalArgumentException.class, () -> TokenCipher.parse("no-equals-sign"));
    }

    @Test
    void aDigestMatchesOnlyItsSecretInItsContextAndSurvivesARotation() {
        TokenCipher before = new TokenCipher(Map.of("k1", OLD));
        String stored = before.digest("hrld_abc_secret", "api-token:1");
        assertTrue(stored.startsWith("k1$"));
        assertFalse(stored.contains("secret"));
        assertEquals(stored, before.digest("hrld_abc_secret", "api-token:1"), "a digest can be looked up: no salt");
        assertTrue(before.matchesDigest(stored, "hrld_abc_secret", "api-token:1"));
        assertFalse(before.matchesDigest(stored, "hrld_abc_secreT", "api-token:1"));
        assertFalse(before.matchesDigest(stored, "hrld_abc_secret", "api-token:2"), "bound to its row");

        Map<String, byte[]> rotated = new LinkedHashMap<>();
        rotated.put("k2", NEW);
        rotated.put("k1", OLD);
        TokenCipher after = new TokenCipher(rotated);
        assertTrue(after.matchesDigest(stored, "hrld_abc_secret", "api-token:1"), "older keys still check");
        assertTrue(after.digest("x", "c").startsWith("k2$"));
        assertFalse(new TokenCipher(Map.of("k2", NEW)).matchesDigest(stored, "hrld_abc_secret", "api-token:1"),
                "a key removed from the ring no longer checks");
        assertFalse(after.matchesDigest("k1$not*base64", "hrld_abc_secret", "api-token:1"));
        assertFalse(after.matchesDigest("garbage", "hrld_abc_secret", "api-token:1"));
    }
}
