package app.herald.publishing.infrastructure;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** application/x-www-form-urlencoded bodies and query strings, UTF-8. */
final class Forms {

    static final String CONTENT_TYPE = "application/x-www-form-urlencoded";

    private Forms() {
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Fields in the map's order; use a LinkedHashMap where order matters to a reader. */
    static String query(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static HttpRequest.BodyPublisher body(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(query(fields));
    }
}
