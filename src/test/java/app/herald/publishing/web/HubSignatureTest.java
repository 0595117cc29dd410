package app.herald.publishing.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Meta's webhook proofs (developers.facebook.com/docs/graph-api/webhooks/getting-started): the signed POST with
 * {@code X-Hub-Signature-256: sha256=<hex>} and the GET handshake with hub.mode, hub.verify_token and hub.challenge.
 */
class HubSignatureTest {

    /** RFC 4231, test case 2: HMAC-SHA256 with the key "Jefe", a known answer computed outside Herald. */
    private static final byte[] RFC_DATA = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
    private static final String RFC_HMAC = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

    /** A Page notification as Meta sends it: non-ASCII escaped, signed as these exact bytes. */
    private static final byte[] PAGE_EVENT = ("{\"object\":\"page\",\"entry\":[{\"id\":\"546349135390552\","
            + "\"time\":1741168800,\"changes\":[{\"field\":\"feed\",\"value\":{\"item\":\"comment\",\"verb\":\"add\","
            + "\"message\":\"Gr\\u00fc\\u00dfe!\"}}]}]}").getBytes(StandardCharsets.UTF_8);

    @Test
    void theHeaderIsTheHexHmacSha256OfTheRawBodyWithTheAppSecret() {
        assertTrue(HubSignature.matches("sha256=" + RFC_HMAC, RFC_DATA, "Jefe"));
        assertEquals("sha256=" + RFC_HMAC, HubSignature.sign("Jefe", RFC_DATA));
        assertTrue(HubSignature.matches("sha256=" + RFC_HMAC.toUpperCase(), RFC_DATA, "Jefe"),
                "hex digits in either case");
    }

    @Test
    void aWrongSecretATamperedBodyOrAnotherFormIsRefused() {
        String signed = HubSignature.sign("app-secret", PAGE_EVENT);
        assertTrue(HubSignature.matches(signed, PAGE_EVENT, "app-secret"));

        assertFalse(HubSignature.matches(signed, PAGE_EVENT, "another-secret"));
        byte[] tampered = PAGE_EVENT.clone();
        tampered[tampered.length - 5] ^= 1;
        assertFalse(HubSignature.matches(signed, tampered, "app-secret"));
        assertFalse(HubSignature.matches(signed.substring("sha256=".length()), PAGE_EVENT, "app-secret"));
        assertFalse(HubSignature.matches("sha1=" + signed.substring("sha256=".length()), PAGE_EVENT, "app-secret"));
        assertFalse(HubSignature.matches("sha256=not-hex", PAGE_EVENT, "app-secret"));
        assertFalse(HubSignature.matches(null, PAGE_EVENT, "app-secret"));
        assertFalse(HubSignature.matches(signed.substring(0, signed.length() - 2), PAGE_EVENT, "app-secret"));
    }

    @Test
    void anyOfSeveralSecretsMaySignButNoneThatIsMissing() {
        String signed = HubSignature.sign("instagram-secret", PAGE_EVENT);

        assertTrue(HubSignature.matches(signed, PAGE_EVENT, "facebook-secret", "instagram-secret"));
        assertFalse(HubSignature.matches(signed, PAGE_EVENT, "facebook-secret", null));
        assertFalse(HubSignature.matches(signed, PAGE_EVENT, "", " ", null), "an unset secret verifies nothing");
    }

    @Test
    void theHandshakeEchoesTheChallengeForTheConfiguredToken() {
        assertEquals(Optional.of("1158201444"),
                HubSignature.handshake("subscribe", "meatyhamhock", "1158201444", "meatyhamhock"));
    }

    @Test
    void theHandshakeRefusesAnythingElse() {
        assertEquals(Optional.empty(), HubSignature.handshake("subscribe", "guess", "1158201444", "meatyhamhock"));
        assertEquals(Optional.empty(), HubSignature.handshake("subscribe", "meatyhamhoc", "1158201444",
                "meatyhamhock"));
        assertEquals(Optional.empty(), HubSignature.handshake("unsubscribe", "meatyhamhock", "1158201444",
                "meatyhamhock"));
        assertEquals(Optional.empty(), HubSignature.handshake(null, "meatyhamhock", "1158201444", "meatyhamhock"));
        assertEquals(Optional.empty(), HubSignature.handshake("subscribe", null, "1158201444", "meatyhamhock"));
        assertEquals(Optional.empty(), HubSignature.handshake("subscribe", "", "1158201444", ""));
        assertEquals(Optional.empty(), HubSignature.handshake("subscribe", "meatyhamhock", null, "meatyhamhock"));
        assertEquals(Optional.empty(), HubSignature.handshake("subscribe", "meatyhamhock", "<script>x</script> ",
                "meatyhamhock"), "nothing but a short printable word is echoed");
        assertEquals(Optional.empty(), HubSignature.handshake("subscribe", "meatyhamhock", "9".repeat(257),
                "meatyhamhock"));
    }
}
