package app.herald.tracking.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a client's server signs a conversion: header {@code Herald-Signature: t=<unix seconds>,v1=<hex>} where v1 is
 * HMAC-SHA256 of "t.body" with the client's conversion secret. The timestamp is signed too and must be recent, so a
 * captured request cannot be replayed later; the same conversion id is counted once anyway.
 */
public final class ConversionSignature {

    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private ConversionSignature() {
    }

    public static String sign(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(mac(secret, unixSeconds + "." + body));
    }

    /** Why the signature is refused, in words for the developer integrating it; null when it is good. */
    public static String problem(String header, String secret, String body, Instant now) {
        if (header == null || header.isBlank()) {
            return "The Herald-Signature header is missing.";
        }
        Long t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                try {
                    t = Long.parseLong(kv[1]);
                } catch (NumberFormatException e) {
                    return "The signature's timestamp is not a number.";
                }
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (t == null || v1 == null) {
            return "The Herald-Signature header needs t=<unix seconds>,v1=<hex HMAC-SHA256>.";
        }
        if (Math.abs(now.getEpochSecond() - t) > TOLERANCE.toSeconds()) {
            return "The signature's timestamp is more than " + TOLERANCE.toMinutes() + " minutes away from now.";
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(v1);
        } catch (IllegalArgumentException e) {
            return "The signature is not hexadecimal.";
        }
        return MessageDigest.isEqual(mac(secret, t + "." + body), given) ? null : "The signature does not match.";
    }

    private static byte[] mac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
