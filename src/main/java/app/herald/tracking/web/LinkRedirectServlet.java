package app.herald.tracking.web;

import app.herald.tracking.application.Clicks;
import app.herald.tracking.application.TrackedLinks;
import app.herald.tracking.application.TrackerEntry;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * The short links in published posts: /l/&lt;code&gt;. Sends the visitor to the link's registered target and nowhere
 * else (the request carries no address Herald would follow); an unknown code is a plain 404. HEAD requests (link
 * checkers) are answered without counting.
 */
@WebServlet("/l/*")
public class LinkRedirectServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    TrackedLinks links;
    @Inject
    TrackerEntry entry;
    @Inject
    Clicks clicks;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        follow(request, response, request.getHeader("User-Agent"));
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        follow(request, response, null);
    }

    private void follow(HttpServletRequest request, HttpServletResponse response, String userAgent)
            throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer-when-downgrade");
        String path = request.getPathInfo();
        String code = path == null ? "" : path.substring(1);
        Optional<Long> tenant = links.tenantOf(code);
        if (tenant.isEmpty() || !entry.enter(tenant.get())) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<String> target = clicks.follow(code, request.getRemoteAddr(), userAgent, Instant.now());
        if (target.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", target.get());
    }
}
