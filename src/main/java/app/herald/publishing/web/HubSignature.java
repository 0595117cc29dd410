package app.herald.publishing.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How Meta proves that a webhook came from it: {@code X-Hub-Signature-256: sha256=<hex>}, the HMAC-SHA256 of the raw
 * body with the app secret, and, once when the callback address is saved, a GET handshake echoing
 * {@code hub.challenge} when {@code hub.verify_token} is the token the platform chose. Meta signs the bytes it sends
 * (non-ASCII characters escaped as \\uXXXX), so the signature is checked on the raw body, never on re-encoded JSON.
 * Both comparisons take the same time whatever the input, so a forger learns nothing from how fast a guess fails.
 */
final class HubSignature {

    static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";
    private static final int MAX_CHALLENGE = 256;

    private HubSignature() {
    }

    /** Whether the header is the body's signature with one of the secrets; blank secrets are never used. */
    static boolean matches(String header, byte[] body, String... secrets) {
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(PREFIX.length()).strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        boolean matched = false;
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                matched |= MessageDigest.isEqual(hmac(secret, body), given);
            }
        }
        return matched;
    }

    static String sign(String secret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmac(secret, body));
    }

    /**
     * The challenge to answer the handshake with, when the mode is "subscribe" and the token is the configured one;
     * empty otherwise. A challenge that is not a short printable word is refused rather than echoed.
     */
    static Optional<String> handshake(String mode, String token, String challenge, String configured) {
        if (!"subscribe".equals(mode) || token == null || configured == null || configured.isBlank()
                || challenge == null || challenge.isEmpty() || challenge.length() > MAX_CHALLENGE
                || !challenge.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            return Optional.empty();
        }
        // Digests of both, so that neither the content nor the length of the configured token shows in the timing.
        return MessageDigest.isEqual(sha256(token), sha256(configured)) ? Optional.of(challenge) : Optional.empty();
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
