package app.herald.publishing.infrastructure;

import static app.herald.kernel.JsonSupport.JSON;

import app.herald.kernel.MostRecentlyUsed;
import app.herald.kernel.crypto.KeyRing;
import app.herald.kernel.crypto.TokenCipher;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Channel credentials in and out of their encrypted form, sealed with the platform's key ring and bound to their tenant
 * and channel. What was opened is kept for the channel's next call (every publication opens its channel's
 * credentials) in a bounded map, as long as the stored form is the same: a renewed token or a new connection is a new
 * stored form, so a change is seen at once on every node without telling any of them. The key ring does not change
 * while the node runs.
 */
@ApplicationScoped
public class CredentialVault {

    @Inject
    KeyRing keys;
    @Inject
    @ConfigProperty(name = "herald.credentials.kept", defaultValue = "10000")
    int kept;

    private record Opened(String sealed, Map<String, String> credentials) {
        @Override
        public String toString() {
            return "opened credentials (not shown)";
        }
    }

    private MostRecentlyUsed<String, Opened> opened;

    /** For the container. */
    public CredentialVault() {
    }

    CredentialVault(KeyRing keys, int kept) {
        this.keys = keys;
        this.kept = kept;
        start();
    }

    @PostConstruct
    void start() {
        opened = new MostRecentlyUsed<>(kept);
    }

    public String seal(long tenantId, long channelId, Map<String, String> credentials) {
        return sealWith(keys.cipher(), tenantId, channelId, credentials);
    }

    /** The stored form of a channel's credentials under the given cipher (also for seeding load tests). */
    public static String sealWith(TokenCipher cipher, long tenantId, long channelId, Map<String, String> credentials) {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        new TreeMap<>(credentials).forEach(json::add);
        return cipher.encrypt(json.build().toString(), context(tenantId, channelId));
    }

    /** The credentials in {@code sealed}, which cannot be changed; throws when they do not decrypt for this channel. */
    public Map<String, String> open(long tenantId, long channelId, String sealed) {
        if (sealed == null || sealed.isBlank()) {
            return Map.of();
        }
        String context = context(tenantId, channelId);
        Opened known = opened.get(context).orElse(null);
        if (known != null && known.sealed().equals(sealed)) {
            return known.credentials();
        }
        Map<String, String> credentials = decrypt(context, sealed);
        opened.put(context, new Opened(sealed, credentials));
        return credentials;
    }

    /** How many channels' credentials are kept open. */
    int keptOpen() {
        return opened.size();
    }

    private Map<String, String> decrypt(String context, String sealed) {
        String plain;
        try {
            plain = keys.cipher().decrypt(sealed, context);
        } catch (TokenCipher.CannotDecrypt e) {
            throw e.about("The channel's stored sign-in", "connect the channel again");
        }
        try (JsonReader reader = JSON.createReader(new StringReader(plain))) {
            JsonObject json = reader.readObject();
            Map<String, String> out = new LinkedHashMap<>();
            json.forEach((k, v) -> out.put(k, ((JsonString) v).getString()));
            return Collections.unmodifiableMap(out);
        }
    }

    public boolean isStale(String sealed) {
        return sealed != null && !sealed.isBlank() && keys.cipher().isStale(sealed);
    }

    private static String context(long tenantId, long channelId) {
        return "herald:tenant:" + tenantId + ":channel:" + channelId;
    }
}
