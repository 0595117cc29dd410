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
}
