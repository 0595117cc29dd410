package app.herald.content.infrastructure;

import app.herald.kernel.RuleViolation;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads an image's size from its header before decoding anything (so a "decompression bomb" is refused cheaply),
 * then decodes it fully to prove it is whole and to make a thumbnail.
 */
public final class ImageInspector {

    public static final int MAX_SIDE = 12_000;
    public static final long MAX_PIXELS = 80_000_000L;
    public static final int THUMBNAIL = 320;

    /** Width and height of a checked image, and its JPEG thumbnail. */
    public record Inspected(int width, int height, byte[] thumbnail) {
    }

    private ImageInspector() {
    }

    public static Inspected inspect(Path file, String name) {
        int width;
        int height;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw damaged(name);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RuleViolation violation) {
                throw violation;
            }
            throw damaged(name);
        }
        if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
            throw new RuleViolation(name + " is " + width + "×" + height + " pixels; Herald takes images up to "
                    + MAX_SIDE + " pixels a side and 80 megapixels.");
        }
        return new Inspected(width, height, thumbnail(file, name));
    }

    private static byte[] thumbnail(Path file, String name) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw damaged(name);
            }
            double scale = Math.min(1.0, (double) THUMBNAIL / Math.max(image.getWidth(), image.getHeight()));
            int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
            int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
            BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = small.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(image, 0, 0, w, h, null);
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(small, "jpg", out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            if (e instanceof RuleViolation violation) {
                throw violation;
            }
            throw damaged(name);
        }
    }

    private static RuleViolation damaged(String name) {
        return new RuleViolation(name + " is damaged or incomplete: it could not be read as an image.");
    }
}
