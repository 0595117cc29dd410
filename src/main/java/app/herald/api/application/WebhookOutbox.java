package app.herald.api.application;

import static app.herald.kernel.JsonSupport.JSON;

import app.herald.api.domain.WebhookDelivery;
import app.herald.api.domain.WebhookEndpoint;
import app.herald.api.domain.WebhookEvent;
import app.herald.jobs.application.Jobs;
import app.herald.jobs.domain.Job;
import app.herald.tenancy.application.TenantStandings;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Writes an event into the outbox, in the transaction of the change it tells about: one delivery per endpoint of the
 * client's agency that wants it, each planned on the {@code webhook} queue for after the commit. A change that rolls
 * back (or is retried) leaves no delivery behind, so each change is announced once.
 */
@Stateless
public class WebhookOutbox {

    @PersistenceContext(unitName = "herald")
    EntityManager em;
    @Inject
    TenantStandings tenants;
    @Inject
    Jobs jobs;

    /**
     * Announces what happened in a client to every endpoint of its agency that listens. The data is gathered only
     * when one does: most changes of most agencies have no listener, and publishing should not pay for them. Called
     * by {@link WebhookAnnouncer} only for an agency that has an endpoint switched on ({@link WebhookListeners}).
     */
    public void announce(WebhookEvent event, long tenantId, Supplier<JsonObjectBuilder> data) {
        Optional<TenantStandings.Standing> tenant = tenants.of(tenantId);
        if (tenant.isEmpty()) {
            return;
        }
        List<WebhookEndpoint> listening = em.createNamedQuery("WebhookEndpoint.listening", WebhookEndpoint.class)
                .setParameter("agency", tenant.get().agencyId()).setParameter("tenant", tenantId).getResultList()
                .stream().filter(e -> e.wants(event)).toList();
        if (listening.isEmpty()) {
            return;
        }
        JsonObject payload = payload(event, data.get().add("client_id", tenantId).add("client",
                tenant.get().name()), Instant.now());
        listening.forEach(endpoint -> queue(endpoint, event, payload));
    }

    /** The one event that goes to one endpoint whatever it chose: a test from the Webhooks screen. */
    public WebhookDelivery test(WebhookEndpoint endpoint) {
        return queue(endpoint, WebhookEvent.TEST, payload(WebhookEvent.TEST, JSON.createObjectBuilder()
                .add("message", "A test event from Herald's Webhooks screen."), Instant.now()));
    }

    /** Sends a delivery again, under its own message id. */
    public void again(WebhookDelivery delivery) {
        delivery.again();
        jobs.plan(WebhookHandler.QUEUE, WebhookHandler.KIND, Job.NO_TENANT, delivery.getId(), 0, Instant.now());
    }

    private WebhookDelivery queue(WebhookEndpoint endpoint, WebhookEvent event, JsonObject payload) {
        WebhookDelivery delivery = new WebhookDelivery(endpoint.getId(), event, payload.toString(), Instant.now());
        em.persist(delivery);
        em.flush();
        jobs.plan(WebhookHandler.QUEUE, WebhookHandler.KIND, Job.NO_TENANT, delivery.getId(), 0, Instant.now());
        return delivery;
    }

    /** The Standard Webhooks payload: the type, when, and what it is about. */
    private static JsonObject payload(WebhookEvent event, JsonObjectBuilder data, Instant at) {
        return JSON.createObjectBuilder().add("type", event.type())
                .add("timestamp", at.truncatedTo(ChronoUnit.MILLIS).toString()).add("data", data).build();
    }
}
