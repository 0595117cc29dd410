package app.herald.tracking.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Herald-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">, at most five minutes from now. */
class ConversionSignatureTest {

    private static final String SECRET = "whsec_test";
    private static final long T = 1_700_000_000L;
    private static final Instant AT_T = Instant.ofEpochSecond(T);
    private static final String BODY = "{\"id\":\"c-1\",\"value\":1999}";
    private static final String SIGNED = ConversionSignature.sign(SECRET, T, BODY);

    private static final String MISSING = "The Herald-Signature header is missing.";
    private static final String MALFORMED = "The Herald-Signature header needs t=<unix seconds>,v1=<hex HMAC-SHA256>.";
    private static final String STALE = "The signature's timestamp is more than 5 minutes away from now.";
    private static final String NO_MATCH = "The signature does not match.";

    @Test
    @DisplayName("sign() gives t=<seconds>,v1=HMAC-SHA256(secret, \"t.body\") in lower-case hex")
    void knownSignature() {
        // printf '1700000000.{"id":"c-1","value":1999}' | openssl dgst -sha256 -hmac whsec_test
        assertEquals("t=1700000000,v1=81b74be274861e0f504d2536ca7abfb202460b39d012480a21be464616f3ce7f", SIGNED);
    }

    @Test
    @DisplayName("A signature made with the secret verifies")
    void signThenVerify() {
        assertNull(ConversionSignature.problem(SIGNED, SECRET, BODY, AT_T));
        assertNull(ConversionSignature.problem(SIGNED, SECRET, BODY, AT_T.plusMillis(999)));
        assertNull(ConversionSignature.problem("t=1700000000, v1=" + SIGNED.substring(SIGNED.indexOf("v1=") + 3),
                SECRET, BODY, AT_T), "a space after the comma is allowed");
        assertNull(ConversionSignature.problem("v1=" + SIGNED.substring(SIGNED.indexOf("v1=") + 3) + ",t=1700000000",
                SECRET, BODY, AT_T), "the order of the parts does not matter");
    }

    @Test
    @DisplayName("A wrong secret, a tampered body or a changed timestamp do not match")
    void doesNotMatch() {
        assertEquals(NO_MATCH, ConversionSignature.problem(SIGNED, "whsec_other", BODY, AT_T));
        assertEquals(NO_MATCH, ConversionSignature.problem(SIGNED, SECRET, BODY.replace("1999", "9999"), AT_T));
        assertEquals(NO_MATCH, ConversionSignature.problem(SIGNED.replace("t=1700000000", "t=1700000001"), SECRET,
                BODY, AT_T), "the timestamp is signed too");
        assertEquals(NO_MATCH, ConversionSignature.problem("t=1700000000,v1=", SECRET, BODY, AT_T));
        assertEquals(NO_MATCH, ConversionSignature.problem("t=1700000000,v1=00", SECRET, BODY, AT_T));
    }

    @Test
    @DisplayName("A missing header is refused")
    void missingHeader() {
        assertEquals(MISSING, ConversionSignature.problem(null, SECRET, BODY, AT_T));
        assertEquals(MISSING, ConversionSignature.problem("", SECRET, BODY, AT_T));
        assertEquals(MISSING, ConversionSignature.problem("   ", SECRET, BODY, AT_T));
    }

    @Test
    @DisplayName("A header without t or v1 is refused")
    void malformedHeader() {
        assertEquals(MALFORMED, ConversionSignature.problem("garbage", SECRET, BODY, AT_T));
        assertEquals(MALFORMED, ConversionSignature.problem("t=1700000000", SECRET, BODY, AT_T));
        assertEquals(MALFORMED, ConversionSignature.problem("v1=abcd", SECRET, BODY, AT_T));
        assertEquals(MALFORMED, ConversionSignature.problem("sha256=abcd", SECRET, BODY, AT_T));
    }

    @Test
    @DisplayName("A timestamp that is not a number is refused")
    void timestampNotANumber() {
        assertEquals("The signature's timestamp is not a number.",
                ConversionSignature.problem("t=yesterday,v1=abcd", SECRET, BODY, AT_T));
    }

    @Test
    @DisplayName("A signature that is not hexadecimal is refused")
    void notHex() {
        assertEquals("The signature is not hexadecimal.",
                ConversionSignature.problem("t=1700000000,v1=zz", SECRET, BODY, AT_T));
        assertEquals("The signature is not hexadecimal.",
                ConversionSignature.problem("t=1700000000,v1=abc", SECRET, BODY, AT_T), "odd number of digits");
    }

    @Test
    @DisplayName("Exactly five minutes old or ahead is accepted; one second more is refused")
    void tolerance() {
        // 5 min = 300 s
        assertNull(ConversionSignature.problem(SIGNED, SECRET, BODY, AT_T.plusSeconds(300)));
        assertNull(ConversionSignature.problem(SIGNED, SECRET, BODY, AT_T.minusSeconds(300)));
        assertEquals(STALE, ConversionSignature.problem(SIGNED, SECRET, BODY, AT_T.plusSeconds(301)));
        assertEquals(STALE, ConversionSignature.problem(SIGNED, SECRET, BODY, AT_T.minusSeconds(301)));
        assertEquals(STALE, ConversionSignature.problem(SIGNED, SECRET, BODY, AT_T.plusSeconds(86_400)),
                "a captured request replayed a day later");
    }

    @Test
    @DisplayName("A stale timestamp is refused even with a valid signature, before the signature is checked")
    void staleWithWrongSecret() {
        assertEquals(STALE, ConversionSignature.problem(SIGNED, "whsec_other", BODY, AT_T.plusSeconds(3_600)));
    }
}
