package app.herald.tracking.web;

import static app.herald.kernel.JsonSupport.JSON;

import app.herald.kernel.RuleViolation;
import app.herald.tracking.application.ConversionKeys;
import app.herald.tracking.application.Conversions;
import app.herald.tracking.application.TrackerEntry;
import app.herald.tracking.domain.ConversionSignature;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Conversions from a client's server: POST /api/conversions/&lt;client id&gt; with a JSON body
 * {@code {"id": "order-1001", "click": "<hclid>", "value": "49.90", "currency": "EUR", "occurredAt": "..."}} and the
 * header {@code Herald-Signature} (see {@link ConversionSignature}). An unknown client and a wrong signature get the
 * same answer, so the endpoint does not reveal which client ids exist.
 */
@WebServlet("/api/conversions/*")
public class ConversionServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int MAX_BODY = 16 * 1024;
    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(ConversionServlet.class.getName());

    @Inject
    TrackerEntry entry;
    @Inject
    ConversionKeys keys;
    @Inject
    Conversions conversions;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> body = body(request);
        if (body.isEmpty()) {
            answer(response, 413, "{\"error\":\"The body is larger than 16 KB.\"}");
            return;
        }
        Optional<Long> tenant = tenantId(request.getPathInfo());
        boolean entered = tenant.isPresent() && entry.enter(tenant.get());
        Optional<String> secret = entered ? keys.secret() : Optional.empty();
        // problem() answers null for a good signature, so Optional.map (which would turn null into empty) is no use.
        String problem = secret.isEmpty() ? "Unknown client or no conversion secret set for it."
                : ConversionSignature.problem(request.getHeader("Herald-Signature"), secret.get(), body.get(),
                Instant.now());
        if (problem != null) {
            // Operators may need to know which; the caller is told only that the request is not authorised.
            LOG.info(() -> "Conversion refused for " + request.getPathInfo() + " (client found: " + entered
                    + ", secret set: " + secret.isPresent() + "): " + problem);
            answer(response, 401, error(problem));
            return;
        }
        try {
            Conversions.Receipt receipt = conversions.receive(parse(body.get()), Instant.now());
            answer(response, receipt.duplicate() ? 200 : 201, JSON.createObjectBuilder()
                    .add("duplicate", receipt.duplicate()).add("attributed", receipt.attributed()).build().toString());
        } catch (RuleViolation e) {
            answer(response, 422, error(e.getMessage()));
        }
    }

    static Conversions.Reported parse(String body) {
        JsonObject json;
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new RuleViolation("The body is not a JSON object.");
        }
        BigDecimal value;
        JsonValue raw = json.get("value");
        try {
            value = raw == null || raw.getValueType() == JsonValue.ValueType.NULL ? null
                    : raw instanceof JsonNumber n ? n.bigDecimalValue()
                    : raw instanceof JsonString s ? new BigDecimal(s.getString()) : null;
        } catch (NumberFormatException e) {
            throw new RuleViolation("value must be a number such as 49.90.");
        }
        if (raw != null && raw.getValueType() != JsonValue.ValueType.NULL && value == null) {
            throw new RuleViolation("value must be a number such as 49.90.");
        }
        Instant occurred;
        try {
            occurred = json.containsKey("occurredAt") && !json.isNull("occurredAt")
                    ? Instant.parse(json.getString("occurredAt")) : null;
        } catch (DateTimeParseException | ClassCastException e) {
            throw new RuleViolation("occurredAt must be an ISO-8601 instant such as 2026-11-26T10:15:30Z.");
        }
        return new Conversions.Reported(text(json, "id"), text(json, "click"), value, text(json, "currency"),
                occurred);
    }

    private static String text(JsonObject json, String name) {
        JsonValue v = json.get(name);
        return v instanceof JsonString s ? s.getString() : v instanceof JsonNumber n ? n.toString() : null;
    }

    private static Optional<Long> tenantId(String path) {
        if (path == null || !path.matches("/\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(path.substring(1)));
    }

    private static Optional<String> body(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            return bytes.length > MAX_BODY ? Optional.empty()
                    : Optional.of(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static String error(String message) {
        return JSON.createObjectBuilder().add("error", message).build().toString();
    }

    private static void answer(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        try (PrintWriter out = response.getWriter()) {
            out.print(json);
        }
    }
}
