package app.herald.publishing.web;

import static app.herald.kernel.JsonSupport.JSON;

import app.herald.content.domain.Network;
import app.herald.publishing.application.NetworkSignals;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Meta's webhooks for Facebook Pages (object "page") and Instagram accounts (object "instagram"): /webhooks/meta.
 * Public, like every address web.xml does not fence, since Meta signs in with no session: a GET is the subscription
 * handshake ({@link HubSignature#handshake}), a POST counts only with a valid {@code X-Hub-Signature-256}. A signed
 * notification names the Page or Instagram account of each entry; every client channel connected to it is read at
 * once ({@link NetworkSignals}). What the notification says is not kept: the inbox reads the network itself, so a
 * lost or forged notification costs nothing but a reading. Refusals carry no body (and no error page), since the
 * only reader is Meta's delivery, which looks at the status alone.
 */
@WebServlet(MetaWebhookServlet.PATH)
public class MetaWebhookServlet extends HttpServlet {

    static final String PATH = "/webhooks/meta";
    static final int MAX_BODY = 1024 * 1024;
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(MetaWebhookServlet.class.getName());
    private static final String VERIFY_TOKEN = "herald.network.facebook.webhook-verify-token";
    private static final String FACEBOOK_SECRET = "herald.network.facebook.client-secret";
    private static final String INSTAGRAM_SECRET = "herald.network.instagram.client-secret";

    @Inject
    NetworkSignals signals;

    /** One account a notification names. */
    record Signal(Network network, String accountId) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        Optional<String> configured = config(VERIFY_TOKEN);
        if (configured.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<String> challenge = HubSignature.handshake(request.getParameter("hub.mode"),
                request.getParameter("hub.verify_token"), request.getParameter("hub.challenge"), configured.get());
        if (challenge.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        try (PrintWriter out = response.getWriter()) {
            out.print(challenge.get());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<byte[]> body = body(request);
        if (body.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        Optional<JsonObject> payload = parse(body.get());
        boolean instagram = payload.map(p -> p.getString("object", "")).filter("instagram"::equals).isPresent();
        String[] secrets = instagram
                ? new String[] {config(FACEBOOK_SECRET).orElse(null), config(INSTAGRAM_SECRET).orElse(null)}
                : new String[] {config(FACEBOOK_SECRET).orElse(null)};
        if (!HubSignature.matches(request.getHeader(HubSignature.HEADER), body.get(), secrets)) {
            LOG.fine(() -> "Meta webhook refused: signature missing or wrong (app secret configured: "
                    + config(FACEBOOK_SECRET).isPresent() + ")");
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        try {
            for (Signal signal : payload.map(MetaWebhookServlet::signals).orElse(List.of())) {
                if (signals.arrived(signal.network(), signal.accountId()) == 0) {
                    // Meta sends again whatever is not answered 200, so an account no client holds is answered too.
                    LOG.fine(() -> "Meta webhook for " + signal.network() + " account " + signal.accountId()
                            + ", which no channel is connected to");
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A Meta webhook could not be passed on to the inbox; Meta sends it again", e);
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
    }

    /** The accounts a notification names, once each: a Page for "page", an Instagram account for "instagram". */
    static List<Signal> signals(JsonObject payload) {
        Network network = switch (payload.getString("object", "")) {
            case "page" -> Network.FACEBOOK;
            case "instagram" -> Network.INSTAGRAM;
            default -> null;
        };
        JsonValue entries = payload.get("entry");
        if (network == null || entries == null || entries.getValueType() != JsonValue.ValueType.ARRAY) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonValue entry : entries.asJsonArray()) {
            if (entry.getValueType() == JsonValue.ValueType.OBJECT) {
                JsonValue id = entry.asJsonObject().get("id");
                String text = id == null ? "" : switch (id.getValueType()) {
                    case STRING -> entry.asJsonObject().getString("id");
                    case NUMBER -> id.toString();
                    default -> "";
                };
                if (text.matches("\\d{1,40}")) {
                    ids.add(text);
                }
            }
        }
        List<Signal> found = new ArrayList<>();
        ids.forEach(id -> found.add(new Signal(network, id)));
        return found;
    }

    static Optional<JsonObject> parse(byte[] body) {
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT ? Optional.of(value.asJsonObject())
                    : Optional.empty();
        } catch (JsonException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** The raw body, or empty when it is larger than Meta ever sends. */
    private static Optional<byte[]> body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            return Optional.empty();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            return bytes.length > MAX_BODY ? Optional.empty() : Optional.of(bytes);
        }
    }

    private static Optional<String> config(String key) {
        return ConfigProvider.getConfig().getOptionalValue(key, String.class).filter(v -> !v.isBlank());
    }
}
