package app.herald.content.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The media Herald accepts, recognised by their first bytes ("magic numbers"), never by file name or the browser's
 * word: a renamed program or document is none of these.
 */
public enum MediaType {
    JPEG("image/jpeg", "jpg", true),
    PNG("image/png", "png", true),
    GIF("image/gif", "gif", true),
    MP4("video/mp4", "mp4", false),
    QUICKTIME("video/quicktime", "mov", false);

    private final String contentType;
    private final String extension;
    private final boolean image;

    MediaType(String contentType, String extension, boolean image) {
        this.contentType = contentType;
        this.extension = extension;
        this.image = image;
    }

    public static Optional<MediaType> sniff(byte[] head) {
        if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, 0, 'G', 'I', 'F', '8') && head.length > 5 && (head[4] == '7' || head[4] == '9')
                && head[5] == 'a') {
            return Optional.of(GIF);
        }
        if (startsWith(head, 4, 'f', 't', 'y', 'p') && head.length >= 12) {
            String brand = new String(Arrays.copyOfRange(head, 8, 12), java.nio.charset.StandardCharsets.US_ASCII);
            return Optional.of(brand.equals("qt  ") ? QUICKTIME : MP4);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] data, int offset, int... expected) {
        if (data.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((data[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    public boolean isImage() {
        return image;
    }
}
