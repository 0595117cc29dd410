package app.herald.api.web;

import app.herald.api.application.WebhookInspector;
import app.herald.api.domain.WebhookInspection;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The address of Herald's webhook inspector: takes the POSTs Herald's own deliveries make to an endpoint pointed at
 * it. Anything else, an unknown key or an oversized body is refused without a word about what exists.
 */
@WebServlet(urlPatterns = "/webhook-inspector/*")
public class WebhookInspectorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient WebhookInspector inspector;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String key = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        if (!WebhookInspector.looksLikeKey(key)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(WebhookInspection.MAX_BODY + 1);
        }
        if (body.length > WebhookInspection.MAX_BODY) {
            response.sendError(413);
            return;
        }
        boolean kept = inspector.receive(key, request.getHeader("webhook-id"), request.getHeader("webhook-timestamp"),
                request.getHeader("webhook-signature"), new String(body, StandardCharsets.UTF_8), Instant.now());
        response.setStatus(kept ? HttpServletResponse.SC_NO_CONTENT : HttpServletResponse.SC_NOT_FOUND);
    }
}
