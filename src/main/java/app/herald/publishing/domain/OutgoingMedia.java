package app.herald.publishing.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A media file attached to an outgoing post, read from the media store when a connector uploads it. Networks that
 * fetch images themselves (Instagram, Threads) need {@code publicUrl}, an address they can download it from; it is
 * null when Herald has no public address for its media.
 */
public record OutgoingMedia(String fileName, String mimeType, long sizeBytes, Path file, String altText,
                            String publicUrl) {

    public OutgoingMedia(String fileName, String mimeType, long sizeBytes, Path file, String altText) {
        this(fileName, mimeType, sizeBytes, file, altText, null);
    }

    public byte[] bytes() {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Media file " + fileName + " could not be read", e);
        }
    }

    public boolean isVideo() {
        return mimeType.startsWith("video/");
    }

    /** The address a network can download the file from, when Herald has one. */
    public Optional<String> publicAddress() {
        return Optional.ofNullable(publicUrl).filter(url -> !url.isBlank());
    }
}
