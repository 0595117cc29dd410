package app.herald.kernel.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for secrets at rest (channel credentials, two-factor secrets). Each value is {@code keyId:base64(iv | ciphertext+tag)}, so that keys
 * can be rotated: the first key of the ring encrypts, every key decrypts. The associated data binds a ciphertext to
 * its tenant and channel, so a value copied into another tenant's row (or another channel) does not decrypt.
 */
public final class TokenCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentKeyId;
    private final Map<String, SecretKey> keys;

    /** @param ring key ids to 32-byte keys, the current (encrypting) key first */
    public TokenCipher(Map<String, byte[]> ring) {
        if (ring.isEmpty()) {
            throw new IllegalArgumentException("The token key ring is empty");
        }
        Map<String, SecretKey> built = new LinkedHashMap<>();
        ring.forEach((id, key) -> {
            if (!id.matches("^[A-Za-z0-9_-]{1,32}$") || key.length != 32) {
                throw new IllegalArgumentException("Token key '" + id + "' must have a plain id and 32 bytes (256 bits)");
            }
            built.put(id, new SecretKeySpec(key, "AES"));
        });
        this.keys = built;
        this.currentKeyId = ring.keySet().iterator().next();
    }

    /**
     * Reads a ring as configured: {@code id=base64key,id2=base64key}, current key first.
     */
    public static TokenCipher parse(String configured) {
        Map<String, byte[]> ring = new LinkedHashMap<>();
        for (String entry : configured.split(",")) {
            String e = entry.strip();
            int eq = e.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("herald.token-keys entries look like id=base64key");
            }
            ring.put(e.substring(0, eq).strip(), Base64.getDecoder().decode(e.substring(eq + 1).strip()));
        }
        return new TokenCipher(ring);
    }

    public static byte[] newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    public String encrypt(String plaintext, String context) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return currentKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** @throws CannotDecrypt when the key is unknown, the value was altered, or it belongs to another context */
    public String decrypt(String stored, String context) {
        int colon = stored.indexOf(':');
        SecretKey key = colon < 1 ? null : keys.get(stored.substring(0, colon));
        if (key == null) {
            throw new CannotDecrypt("encrypted with a key that is not in herald.token-keys");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CannotDecrypt("altered, or not this one's");
        }
    }

    /**
     * A keyed digest for a secret that is checked, never read back (an API token): {@code keyId$base64url(HMAC)}, the
     * HMAC key derived from the ring's current key so that a stolen table alone cannot test guesses.
     */
    public String digest(String secret, String context) {
        return currentKeyId + "$" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac(keys.get(currentKeyId), secret, context));
    }

    /** Whether the secret is the one the stored digest was made from, under whichever key of the ring made it. */
    public boolean matchesDigest(String stored, String secret, String context) {
        int dollar = stored.indexOf('$');
        SecretKey key = dollar < 1 ? null : keys.get(stored.substring(0, dollar));
        if (key == null) {
            return false;
        }
        byte[] expected;
        try {
            expected = Base64.getUrlDecoder().decode(stored.substring(dollar + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, mac(key, secret, context));
    }

    private static byte[] mac(SecretKey key, String secret, String context) {
        try {
            // A separate key for MACs, derived from the encryption key: one key never serves two algorithms.
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            byte[] macKey = derive.doFinal("herald keyed digest".getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
            mac.update(context.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Whether a stored value was encrypted with an older key and should be written again. */
    public boolean isStale(String stored) {
        return !stored.startsWith(currentKeyId + ":");
    }

    /** A stored secret that cannot be read: what it opens must be given again. */
    public static final class CannotDecrypt extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String why;

        public CannotDecrypt(String why) {
            this(why, "A stored secret cannot be read (" + why + ").");
        }

        private CannotDecrypt(String why, String message) {
            super(message);
            this.why = why;
        }

        /** The same failure, told as what the person knows: "The channel's stored sign-in ...: connect it again". */
        public CannotDecrypt about(String what, String remedy) {
            return new CannotDecrypt(why, what + " cannot be read (" + why + "): " + remedy + ".");
        }
    }
}
