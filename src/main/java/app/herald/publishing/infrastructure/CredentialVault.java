package app.herald.publishing.infrastructure;

import static app.herald.kernel.JsonSupport.JSON;

import app.herald.kernel.crypto.KeyRing;
import app.herald.kernel.crypto.TokenCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Channel credentials in and out of their encrypted form, sealed with the platform's key ring and bound to their tenant
 * and channel.
 */
@ApplicationScoped
public class CredentialVault {

    @Inject
    KeyRing keys;

    public String seal(long tenantId, long channelId, Map<String, String> credentials) {
        return sealWith(keys.cipher(), tenantId, channelId, credentials);
    }

    /** The stored form of a channel's credentials under the given cipher (also for seeding load tests). */
    public static String sealWith(TokenCipher cipher, long tenantId, long channelId, Map<String, String> credentials) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        new TreeMap<>(credentials).forEach(json::add);
        return cipher.encrypt(json.build().toString(), context(tenantId, channelId));
    }

    public Map<String, String> open(long tenantId, long channelId, String sealed) {
        if (sealed == null || sealed.isBlank()) {
            return Map.of();
        }
        String opened;
        try {
            opened = keys.cipher().decrypt(sealed, context(tenantId, channelId));
        } catch (TokenCipher.CannotDecrypt e) {
            throw e.about("The channel's stored sign-in", "connect the channel again");
        }
        try (JsonReader reader = JSON.createReader(new StringReader(opened))) {
            JsonObject json = reader.readObject();
            Map<String, String> out = new LinkedHashMap<>();
            json.forEach((k, v) -> out.put(k, ((JsonString) v).getString()));
            return out;
        }
    }

    public boolean isStale(String sealed) {
        return sealed != null && !sealed.isBlank() && keys.cipher().isStale(sealed);
    }

    private static String context(long tenantId, long channelId) {
        return "herald:tenant:" + tenantId + ":channel:" + channelId;
    }
}
