package app.herald.kernel.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Browser-side defences on every response, error pages included: no framing by other sites (clickjacking), no MIME
 * sniffing of uploads, no plugins, no full URLs (with ids or tokens) leaking to other sites through the Referer header,
 * and no product name in the Server header. Pages get their script policy, with a fresh nonce per response, from
 * PrimeFaces (web.xml, {@code primefaces.CSP_POLICY}); browsers enforce both policies, so this one only adds what holds
 * for every response.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR, DispatcherType.ASYNC})
public class SecurityHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String BASE_POLICY = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply(response);
        chain.doFilter(request, response);
    }

    /** Also for answers given before any filter runs: the sign-in mechanism's redirects and 401s. */
    public static void apply(HttpServletResponse response) {
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", BASE_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        // Payara names itself here unless the application has set the header; it cannot be removed from code.
        response.setHeader("Server", "");
    }
}
