package app.herald.kernel.crypto;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one key ring for secrets Herald keeps: {@code herald.token-keys}; a single machine without one gets a key
 * generated into its data directory (fine for a demo, wrong for a cluster, which is why the log says so).
 */
@ApplicationScoped
public class KeyRing {

    private static final Logger LOG = Logger.getLogger(KeyRing.class.getName());

    @Inject
    @ConfigProperty(name = "herald.token-keys")
    Optional<String> configuredKeys;
    @Inject
    @ConfigProperty(name = "herald.data-dir")
    String dataDir;

    private TokenCipher cipher;

    /** For the container, which loads the keys from configuration. */
    public KeyRing() {
    }

    /** A ring of the given keys (for tests and tools outside the container). */
    public KeyRing(TokenCipher cipher) {
        this.cipher = cipher;
    }

    @PostConstruct
    void loadKeys() {
        cipher = configuredKeys.filter(k -> !k.isBlank()).map(TokenCipher::parse).orElseGet(this::localKey);
    }

    public TokenCipher cipher() {
        return cipher;
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
                LOG.warning("herald.token-keys is not set: generated a key for stored secrets in " + file
                        + ". Set herald.token-keys for a cluster or production (see docs/operations.md).");
            }
            return TokenCipher.parse(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the token key in " + file, e);
        }
    }
}
