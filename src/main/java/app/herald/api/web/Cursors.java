package app.herald.api.web;

import app.herald.kernel.RuleViolation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Opaque cursors for lists: where the next page starts, as a token the caller hands back unchanged. What it holds
 * may change between versions without breaking a caller that treats it as opaque.
 */
final class Cursors {

    private static final String PREFIX = "below:";

    private Cursors() {
    }

    static String below(long id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + id).getBytes(StandardCharsets.UTF_8));
    }

    static Optional<Long> read(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Optional.empty();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                long id = Long.parseLong(text.substring(PREFIX.length()));
                if (id > 0) {
                    return Optional.of(id);
                }
            }
        } catch (IllegalArgumentException e) {
            // Told below, as every other cursor that did not come from a previous page.
        }
        throw new RuleViolation("This cursor did not come from a page of this list. Start again without one.");
    }
}
