package app.herald.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Liveness and readiness stay open to load balancers and container probes, but tell an anonymous caller only UP or
 * DOWN (with the status code Payara chose, 200 or 503): the checks' details (heap, tenant counts, schema states) are
 * for a platform admin or the operator token, as the full /health is (web.xml).
 */
@WebFilter(urlPatterns = {"/health/live", "/health/ready"})
public class OperatorHealth extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.isUserInRole("PLATFORM_ADMIN") || request.isUserInRole("OPERATOR")) {
            chain.doFilter(request, response);
            return;
        }
        Discarding details = new Discarding(response);
        chain.doFilter(request, details);
        byte[] summary = ("{\"status\":\"" + (details.status() / 100 == 2 ? "UP" : "DOWN") + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setContentLength(summary.length);
        response.getOutputStream().write(summary);
    }

    /** Keeps the status and drops whatever body the health servlet writes. */
    private static final class Discarding extends HttpServletResponseWrapper {

        private int status = SC_OK;

        Discarding(HttpServletResponse response) {
            super(response);
        }

        int status() {
            return status;
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc) {
            setStatus(sc);
        }

        @Override
        public void sendError(int sc, String msg) {
            setStatus(sc);
        }

        @Override
        public void setContentLength(int len) {
        }

        @Override
        public void setContentLengthLong(long len) {
        }

        @Override
        public void flushBuffer() {
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }

                @Override
                public void write(int b) {
                }

                @Override
                public void write(byte[] b, int off, int len) {
                }
            };
        }

        @Override
        public PrintWriter getWriter() {
            return new PrintWriter(OutputStream.nullOutputStream());
        }
    }
}
