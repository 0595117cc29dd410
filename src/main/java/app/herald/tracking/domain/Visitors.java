package app.herald.tracking.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A visitor is known only by a one-way fingerprint of address and browser, so that repeated clicks can be counted
 * once without keeping anyone's IP address. A click by the same visitor on the same link within
 * {@link #REPEAT_WINDOW} of their last counted click is a repeat.
 */
public final class Visitors {

    public static final Duration REPEAT_WINDOW = Duration.ofHours(1);

    private Visitors() {
    }

    public static String fingerprint(String address, String userAgent, String pepper) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(pepper.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(String.valueOf(address).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(String.valueOf(userAgent).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean isRepeat(Instant lastCounted, Instant now) {
        return lastCounted != null && !now.isAfter(lastCounted.plus(REPEAT_WINDOW)) && !now.isBefore(lastCounted);
    }
}
