package app.herald.api.web;

import app.herald.api.application.WebhookEndpoints;
import app.herald.api.application.WebhookInspector;
import app.herald.api.domain.WebhookDelivery;
import app.herald.api.domain.WebhookEndpoint;
import app.herald.api.domain.WebhookEvent;
import app.herald.identity.domain.Actor;
import app.herald.identity.web.CurrentActor;
import app.herald.kernel.web.Feedback;
import app.herald.kernel.web.Pages;
import app.herald.tenancy.application.TenantDirectory;
import app.herald.tenancy.domain.Tenant;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The agency's Webhooks screen (/agency/webhooks.xhtml), for owners and managers: add an endpoint and see its secret
 * once, send a test event, rotate the secret, switch off and on, remove, and read an endpoint's delivery log.
 */
@Named
@ViewScoped
public class KeepWebhooks implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM, HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Inject
    WebhookEndpoints endpoints;
    @Inject
    TenantDirectory directory;
    @Inject
    CurrentActor current;

    private List<Row> rows = List.of();
    private Map<Long, String> clientNames = Map.of();
    private String url;
    private List<String> events = new ArrayList<>();
    private Long clientId;
    private String shownSecret;
    private Long logOf;
    private List<Sent> log = List.of();
    private List<Inspected> inspected = List.of();
    private Long inspectorClientId;

    /** One endpoint as listed (entities stay out of the view state). */
    public record Row(long id, String url, String client, String events, boolean active, String state)
            implements Serializable {
    }

    /** One line of the delivery log. */
    public record Sent(long id, String created, String type, String messageId, int attempts, String state,
                       String status, String answer) implements Serializable {
    }

    /** One request as Herald's inspector received it. */
    public record Inspected(String received, String type, String messageId, boolean signed, String body)
            implements Serializable {
    }

    /** View action: only an agency's owners and managers keep its webhooks. */
    public void open() {
        Actor actor = current.get();
        if (!actor.agencyId().map(actor::runs).orElse(false)) {
            Pages.forbidden();
            return;
        }
        clientNames = directory.visibleTo(actor).stream()
                .collect(Collectors.toMap(Tenant::getId, Tenant::getName, (a, b) -> a));
        load();
    }

    private void load() {
        rows = endpoints.of(current.get()).stream().map(this::row).toList();
        if (logOf != null) {
            log = endpoints.deliveries(current.get(), logOf, 50).stream().map(this::sent).toList();
            inspected = getLogUrl().contains(WebhookInspector.PATH)
                    ? endpoints.inspected(current.get(), logOf).stream().map(i -> new Inspected(when(i.getReceivedAt()),
                    i.getEventType() == null ? "" : i.getEventType(), i.getMessageId() == null ? "" : i.getMessageId(),
                    i.isSignatureOk(), i.getBody())).toList()
                    : List.of();
        }
    }

    private Row row(WebhookEndpoint e) {
        return new Row(e.getId(), e.getUrl(), e.getTenantId().map(id -> clientNames.getOrDefault(id, "a client"))
                .orElse("Every client"), e.getEvents().stream().map(WebhookEvent::type).collect(Collectors.joining(", ")),
                e.isActive(), e.isActive() ? "On" : "Off: " + e.getDisabledReason());
    }

    private Sent sent(WebhookDelivery d) {
        return new Sent(d.getId(), when(d.getCreatedAt()), d.getEventType(), d.getMessageId(), d.getAttempts(),
                d.getState().name(), d.getLastStatus() == null ? "" : d.getLastStatus() == 0 ? "no answer"
                : d.getLastStatus().toString(), d.getLastAnswer() == null ? "" : d.getLastAnswer());
    }

    public void add() {
        List<WebhookEvent> chosen = events.stream().map(WebhookEvent::ofType).flatMap(java.util.Optional::stream)
                .toList();
        if (Feedback.attempt(() -> shownSecret = endpoints.add(current.get(), url, chosen, clientId).secret(),
                "Endpoint added. Give its secret to the receiver now: Herald shows it only this once.")) {
            url = null;
            events = new ArrayList<>();
            load();
        }
    }

    /** An endpoint that delivers to Herald's own inspector, for the client chosen (or every client). */
    public void addInspector() {
        if (Feedback.attempt(() -> shownSecret = endpoints.addInspector(current.get(), inspectorClientId)
                .secret(), "Herald's inspector listens: send a test event, then open its "
                + "deliveries.")) {
            load();
        }
    }

    public void sendTest(Row row) {
        if (Feedback.attempt(() -> endpoints.sendTest(current.get(), row.id()), "A test event is on its way.")) {
            showLog(row);
        }
    }

    public void rotate(Row row) {
        if (Feedback.attempt(() -> shownSecret = endpoints.rotate(current.get(), row.id()).secret(),
                "New secret: it signs from now on, and the old one beside it for 24 hours.")) {
            load();
        }
    }

    public void switchOff(Row row) {
        act(() -> endpoints.switchOff(current.get(), row.id()), "Herald no longer calls " + row.url() + ".");
    }

    public void switchOn(Row row) {
        act(() -> endpoints.switchOn(current.get(), row.id()), "Herald calls " + row.url() + " again.");
    }

    public void remove(Row row) {
        if (row.id() == (logOf == null ? -1 : logOf)) {
            logOf = null;
            log = List.of();
        }
        act(() -> endpoints.remove(current.get(), row.id()), "Endpoint removed, with its delivery log.");
    }

    public void showLog(Row row) {
        logOf = row.id();
        load();
    }

    public void resend(Sent delivery) {
        act(() -> endpoints.resend(current.get(), delivery.id()), "Sent again, under the same message id.");
    }

    private void act(Runnable action, String success) {
        if (Feedback.attempt(action, success)) {
            load();
        }
    }

    public String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    public List<String> getEventTypes() {
        return Arrays.stream(WebhookEvent.values()).filter(WebhookEvent::isSubscribable).map(WebhookEvent::type)
                .toList();
    }

    public String describe(String type) {
        return WebhookEvent.ofType(type).map(WebhookEvent::description).orElse(type);
    }

    public Map<Long, String> getClients() {
        return clientNames;
    }

    public List<Row> getRows() {
        return rows;
    }

    public List<Sent> getLog() {
        return log;
    }

    public List<Inspected> getInspected() {
        return inspected;
    }

    public Long getInspectorClientId() {
        return inspectorClientId;
    }

    public void setInspectorClientId(Long inspectorClientId) {
        this.inspectorClientId = inspectorClientId;
    }

    public String getLogUrl() {
        return rows.stream().filter(r -> logOf != null && r.id() == logOf).map(Row::url).findFirst().orElse("");
    }

    public String getShownSecret() {
        return shownSecret;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public List<String> getEvents() {
        return events;
    }

    public void setEvents(List<String> events) {
        this.events = events;
    }

    public Long getClientId() {
        return clientId;
    }

    public void setClientId(Long clientId) {
        this.clientId = clientId;
    }
}
