package app.herald.publishing.infrastructure;

import static app.herald.kernel.JsonSupport.JSON;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Channel credentials in and out of their encrypted form. The key ring comes from {@code herald.token-keys}; a single
 * machine without one gets a key generated into its data directory (fine for a demo, wrong for a cluster, which is
 * why the log says so).
 */
@ApplicationScoped
public class CredentialVault {

    private static final Logger LOG = Logger.getLogger(CredentialVault.class.getName());

    @Inject
    @ConfigProperty(name = "herald.token-keys")
    Optional<String> configuredKeys;
    @Inject
    @ConfigProperty(name = "herald.data-dir")
    String dataDir;

    private TokenCipher cipher;

    @PostConstruct
    void loadKeys() {
        cipher = configuredKeys.filter(k -> !k.isBlank()).map(TokenCipher::parse).orElseGet(this::localKey);
    }

    private TokenCipher localKey() {
        Path file = Path.of(dataDir, "token-key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, "local=" + Base64.getEncoder().encodeToString(TokenCipher.newKey()));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the data directory's own permissions protect it.
                }
                LOG.warning("herald.token-keys is not set: generated a key for channel credentials in " + file
                        + ". Set herald.token-keys for a cluster or production (see docs/operations.md).");
            }
            return TokenCipher.parse(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the token key in " + file, e);
        }
    }

    public String seal(long tenantId, long channelId, Map<String, String> credentials) {
        return sealWith(cipher, tenantId, channelId, credentials);
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
        try (JsonReader reader = JSON.createReader(new StringReader(cipher.decrypt(sealed, context(tenantId, channelId))))) {
            JsonObject json = reader.readObject();
            Map<String, String> out = new LinkedHashMap<>();
            json.forEach((k, v) -> out.put(k, ((JsonString) v).getString()));
            return out;
        }
    }

    public boolean isStale(String sealed) {
        return sealed != null && !sealed.isBlank() && cipher.isStale(sealed);
    }

    private static String context(long tenantId, long channelId) {
        return "herald:tenant:" + tenantId + ":channel:" + channelId;
    }
}
