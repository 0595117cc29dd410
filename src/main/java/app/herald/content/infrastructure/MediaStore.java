package app.herald.content.infrastructure;

import app.herald.content.domain.MediaFile;
import app.herald.kernel.RuleViolation;
import app.herald.tenancy.domain.SchemaName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Media bytes on disk, per tenant: {@code <data-dir>/tenants/<schema>/media/<ab>/<sha256>.<ext>} and a JPEG thumbnail
 * beside it. Paths are made only from a validated schema name and a hex checksum, never from a file name.
 */
@ApplicationScoped
public class MediaStore {

    private static final int HEAD_BYTES = 32;

    @Inject
    @ConfigProperty(name = "herald.data-dir")
    String dataDir;

    /** An upload received into a temporary file: its size, checksum and first bytes. */
    public record Received(Path file, long size, String sha256, byte[] head) {
    }

    /** Copies the upload into a temporary file, refusing it as soon as it passes {@code maxBytes}. */
    public Received receive(InputStream content, long maxBytes, String tooLarge) {
        Path temp;
        try {
            Path incoming = Files.createDirectories(Path.of(dataDir, "tmp"));
            temp = Files.createTempFile(incoming, "upload-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary file under " + dataDir, e);
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] head = new byte[HEAD_BYTES];
            int headLength = 0;
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = content.read(buffer)) > 0; ) {
                    size += n;
                    if (size > maxBytes) {
                        throw new RuleViolation(tooLarge);
                    }
                    if (headLength < HEAD_BYTES) {
                        int take = Math.min(n, HEAD_BYTES - headLength);
                        System.arraycopy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }
                    out.write(buffer, 0, n);
                }
            }
            return new Received(temp, size, HexFormat.of().formatHex(sha.digest()), Arrays.copyOf(head, headLength));
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            discard(temp);
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new RuleViolation("The upload could not be read; please try again.", e);
        }
    }

    /** Moves a checked upload and its thumbnail into the tenant's media directory. */
    public void keep(SchemaName schema, MediaFile media, Path received, byte[] thumbnail) {
        try {
            Path target = fileOf(schema, media);
            Files.createDirectories(target.getParent());
            Files.move(received, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (thumbnail != null) {
                Files.write(thumbnailOf(schema, media), thumbnail);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store media " + media.getSha256() + " of " + schema, e);
        }
    }

    public void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path fileOf(SchemaName schema, MediaFile media) {
        return directoryOf(schema, media.getSha256()).resolve(media.getSha256() + "." + media.getMediaType().extension());
    }

    public Path thumbnailOf(SchemaName schema, MediaFile media) {
        return directoryOf(schema, media.getSha256()).resolve(media.getSha256() + ".thumb.jpg");
    }

    /** The tenant's whole media directory, for backups and for tests that check nothing was stored. */
    public Path mediaRootOf(SchemaName schema) {
        return Path.of(dataDir, "tenants", schema.value(), "media");
    }

    private Path directoryOf(SchemaName schema, String sha256) {
        if (!sha256.matches("^[0-9a-f]{64}$")) {
            throw new IllegalArgumentException("Not a SHA-256: " + sha256);
        }
        return mediaRootOf(schema).resolve(sha256.substring(0, 2));
    }
}
