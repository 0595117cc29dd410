package app.herald.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.identity.domain.OneTimeCodes;
import app.herald.identity.domain.RecoveryCode;
import app.herald.identity.domain.User;
import java.time.Instant;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OneTimeCodesTest {

    /** RFC 6238's own secret, "12345678901234567890" in ASCII, as Base32. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void theCodesAreRfc6238sOwnTestVectors() {
        long[][] vectors = {{59L, 94287082L}, {1111111109L, 7081804L}, {1111111111L, 14050471L},
                {1234567890L, 89005924L}, {2000000000L, 69279037L}, {20000000000L, 65353130L}};
        for (long[] vector : vectors) {
            long step = OneTimeCodes.stepOf(Instant.ofEpochSecond(vector[0]));
            assertEquals(String.format("%08d", vector[1]), OneTimeCodes.codeAt(RFC_SECRET, step, 8), "at " + vector[0]);
        }
    }

    @Test
    void sixDigitCodesAreRfc4226sHotpValues() {
        String[] expected = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583",
                "399871", "520489"};
        for (int counter = 0; counter < expected.length; counter++) {
            assertEquals(expected[counter], OneTimeCodes.codeAt(RFC_SECRET, counter, 6));
        }
    }

    @Test
    void aCodeIsGoodHalfAMinuteEitherSideAndNoFurther() {
        Instant now = Instant.ofEpochSecond(1_800_000_015L);
        long step = OneTimeCodes.stepOf(now);
        String secret = OneTimeCodes.newSecret();
        assertEquals(OptionalLong.of(step), OneTimeCodes.matchingStep(secret, OneTimeCodes.codeAt(secret, step, 6), now));
        assertEquals(OptionalLong.of(step - 1), OneTimeCodes.matchingStep(secret,
                OneTimeCodes.codeAt(secret, step - 1, 6), now));
        assertEquals(OptionalLong.of(step + 1), OneTimeCodes.matchingStep(secret,
                " " + OneTimeCodes.codeAt(secret, step + 1, 6).substring(0, 3) + " "
                        + OneTimeCodes.codeAt(secret, step + 1, 6).substring(3), now), "spaces as apps show them");
        String twoAway = OneTimeCodes.codeAt(secret, step + 2, 6);
        if (!twoAway.equals(OneTimeCodes.codeAt(secret, step, 6))
                && !twoAway.equals(OneTimeCodes.codeAt(secret, step - 1, 6))
                && !twoAway.equals(OneTimeCodes.codeAt(secret, step + 1, 6))) {
            assertTrue(OneTimeCodes.matchingStep(secret, twoAway, now).isEmpty());
        }
        for (String bad : new String[] {null, "", "12345", "1234567", "12a456", "<script>"}) {
            assertTrue(OneTimeCodes.matchingStep(secret, bad, now).isEmpty(), String.valueOf(bad));
        }
    }

    @Test
    void secretsAre160RandomBitsAndTheAppAddressNamesHerald() {
        String secret = OneTimeCodes.newSecret();
        assertEquals(32, secret.length(), "160 bits in Base32, unpadded");
        assertTrue(secret.matches("[A-Z2-7]{32}"), secret);
        assertNotEquals(secret, OneTimeCodes.newSecret());
        String address = OneTimeCodes.appAddress("Herald", "ana@example.com", secret);
        assertEquals("otpauth://totp/Herald:ana%40example.com?secret=" + secret
                + "&issuer=Herald&algorithm=SHA1&digits=6&period=30", address);
    }

    @Test
    void aCodeStepIsAcceptedOnceAndNeverAnOlderOne() {
        User user = User.invite("ana@example.com", Instant.now());
        user.startTwoFactor("sealed");
        user.confirmTwoFactor(100, Instant.now());
        assertTrue(user.hasTwoFactor());
        assertFalse(user.acceptCodeOf(100), "the code that confirmed it");
        assertFalse(user.acceptCodeOf(99), "an older one");
        assertTrue(user.acceptCodeOf(101));
        assertFalse(user.acceptCodeOf(101));
        user.turnOffTwoFactor();
        assertFalse(user.hasTwoFactor());
    }

    @Test
    void recoveryCodesAreDistinctAndMatchHoweverTheyAreTyped() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String code = RecoveryCode.newCode();
            assertTrue(code.matches("[a-z2-9]{5}-[a-z2-9]{5}"), code);
            codes.add(code);
        }
        assertEquals(1_000, codes.size());
        String code = codes.iterator().next();
        assertTrue(RecoveryCode.looksLikeOne(code.toUpperCase()));
        assertEquals(RecoveryCode.hashOf(code), RecoveryCode.hashOf(" " + code.replace("-", "").toUpperCase() + " "));
        assertFalse(RecoveryCode.looksLikeOne("123456"), "an app's code is not a recovery code");
        assertFalse(RecoveryCode.looksLikeOne(null));
    }
}
