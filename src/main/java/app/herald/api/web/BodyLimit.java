package app.herald.api.web;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses a request body over {@link #MAX_BYTES} before it is read into memory: at once when its length is declared,
 * and as soon as a body sent without one (chunked) passes the limit.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
@ApplicationScoped
public class BodyLimit implements ContainerRequestFilter {

    /** Far above a post with its variants (texts of at most 100,000 characters each), far below a burden. */
    public static final long MAX_BYTES = 2L * 1024 * 1024;
    static final String TOO_LARGE = "A request body is at most 2 MB.";
    /** Set on the request when its body passed the limit, whatever the JSON reader then makes of the cut. */
    static final String PASSED_LIMIT = "herald.api.body-too-large";

    /** The body went past the limit while it was being read. */
    public static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super(TOO_LARGE);
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BYTES) {
            request.abortWith(Problems.of(413, "Content Too Large", TOO_LARGE));
            return;
        }
        if (request.hasEntity() && request.getHeaderString(HttpHeaders.CONTENT_LENGTH) == null) {
            request.setEntityStream(new Limited(request.getEntityStream(), request));
        }
    }

    private static final class Limited extends FilterInputStream {
        private final ContainerRequestContext request;
        private long read;

        Limited(InputStream in, ContainerRequestContext request) {
            super(in);
            this.request = request;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > MAX_BYTES) {
                request.setProperty(PASSED_LIMIT, Boolean.TRUE);
                throw new TooLarge();
            }
        }
    }
}
