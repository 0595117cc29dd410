package app.herald.publishing.infrastructure;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body (RFC 7578), for the networks whose media uploads take one. */
final class Multipart {

    private final String boundary = "HeraldPart" + UUID.randomUUID().toString().replace("-", "");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Multipart field(String name, String value) {
        head("Content-Disposition: form-data; name=\"" + quoted(name) + "\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n");
        write(value.getBytes(StandardCharsets.UTF_8));
        write("\r\n");
        return this;
    }

    Multipart file(String name, String fileName, String mimeType, byte[] content) {
        head("Content-Disposition: form-data; name=\"" + quoted(name) + "\"; filename=\"" + quoted(fileName) + "\"\r\n"
                + "Content-Type: " + mimeType + "\r\n");
        write(content);
        write("\r\n");
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    HttpRequest.BodyPublisher body() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(out.toByteArray());
        all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return HttpRequest.BodyPublishers.ofByteArray(all.toByteArray());
    }

    private void head(String headers) {
        write("--" + boundary + "\r\n" + headers + "\r\n");
    }

    private void write(String text) {
        write(text.getBytes(StandardCharsets.UTF_8));
    }

    private void write(byte[] bytes) {
        out.writeBytes(bytes);
    }

    /** A quote or line break in a file name would end the header early. */
    private static String quoted(String value) {
        return value.replace("\"", "%22").replace("\r", "").replace("\n", "");
    }
}
