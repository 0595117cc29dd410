package app.herald.api.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature (standardwebhooks.com): HMAC-SHA256 over {@code id.timestamp.body} with the
 * endpoint's secret ({@code whsec_} and the key in Base64), sent as {@code v1,<Base64>} in the {@code webhook-signature}
 * header, several separated by spaces while a secret is being rotated. Receivers verify it with any of the spec's
 * libraries; WebhookSignatureTest checks it against the spec's published vector.
 */
public final class WebhookSignature {

    private static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret: 32 random bytes. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    public static String sign(String secret, String messageId, long timestamp, String body) {
        String key = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(key), "HmacSHA256"));
            byte[] signed = mac.doFinal((messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** How far a timestamp may be from the receiver's clock, as the specification advises. */
    public static final long TOLERANCE_SECONDS = 300;

    /**
     * A receiver's check: a recent timestamp, and one of the header's {@code v1} signatures made with one of the
     * secrets (compared in constant time).
     */
    public static boolean verifies(List<String> secrets, String messageId, String timestamp, String header,
                                   String body, long nowSeconds) {
        if (messageId == null || timestamp == null || header == null || !timestamp.matches("\\d{1,12}")) {
            return false;
        }
        long sent = Long.parseLong(timestamp);
        if (Math.abs(nowSeconds - sent) > TOLERANCE_SECONDS) {
            return false;
        }
        for (String secret : secrets) {
            byte[] expected = sign(secret, messageId, sent, body).getBytes(StandardCharsets.UTF_8);
            for (String offered : header.split(" ")) {
                if (MessageDigest.isEqual(expected, offered.getBytes(StandardCharsets.UTF_8))) {
                    return true;
                }
            }
        }
        return false;
    }
}
