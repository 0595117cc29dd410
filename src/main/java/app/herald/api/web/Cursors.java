package app.herald.api.web;

import app.herald.kernel.RuleViolation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;

/**
 * Opaque cursors for lists: where the next page starts, as a token the caller hands back unchanged. What it holds
 * may change between versions without breaking a caller that treats it as opaque.
 */
final class Cursors {

    private static final String PREFIX = "below:";
    static final int DEFAULT_PAGE = 25;
    static final int LARGEST_PAGE = 100;

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

    /** A page's size as the caller asked; read here rather than by the container, which answers "limit=ten" with 404. */
    static int pageSize(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_PAGE;
        }
        try {
            int size = Integer.parseInt(limit.strip());
            if (size >= 1 && size <= LARGEST_PAGE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new RuleViolation("A page holds 1 to " + LARGEST_PAGE + " items, not " + limit + ".");
    }

    /** A page of a list, with a Link header (rel=next) to the page after it when there is one. */
    static Response page(Object items, Optional<Long> continueBelow, UriInfo uri) {
        Response.ResponseBuilder answer = Response.ok(items);
        continueBelow.ifPresent(id -> answer.link(next(id, uri), "next"));
        return answer.build();
    }

    /**
     * A page of a list newest first, for a resource that returns its list itself (so the document names its items):
     * read below the cursor's id, with the Link header to the next page when this one is full.
     */
    static <T> List<T> page(String cursor, String limit, BiFunction<Long, Integer, List<T>> reader, ToLongFunction<T> id,
                            UriInfo uri, HttpServletResponse response) {
        int size = pageSize(limit);
        List<T> page = reader.apply(read(cursor).orElse(Long.MAX_VALUE), size);
        if (page.size() == size) {
            response.addHeader("Link", "<" + next(id.applyAsLong(page.get(size - 1)), uri) + ">; rel=\"next\"");
        }
        return page;
    }

    private static java.net.URI next(long id, UriInfo uri) {
        return uri.getRequestUriBuilder().replaceQueryParam("cursor", below(id)).build();
    }
}
