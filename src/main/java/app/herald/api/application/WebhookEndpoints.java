package app.herald.api.application;

import app.herald.api.domain.WebhookDelivery;
import app.herald.api.domain.WebhookEndpoint;
import app.herald.api.domain.WebhookEvent;
import app.herald.api.domain.WebhookInspection;
import app.herald.api.domain.WebhookSignature;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.crypto.KeyRing;
import app.herald.kernel.net.OutboundGuard;
import app.herald.kernel.web.PublicAddress;
import app.herald.tenancy.application.TenantRegistry;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * An agency's webhook endpoints, kept by its owners and managers: add one (its address passes the outbound-address
 * guard; its secret is shown once), choose events, rotate the secret, switch off and on, remove; the delivery log,
 * sending a delivery again and sending a test event. Nothing here reaches another agency's endpoints, nor a client's
 * events for someone who does not see that client.
 */
@Stateless
public class WebhookEndpoints {

    /** An endpoint just made or just rotated, with the secret the receiver needs, shown this once. */
    public record WithSecret(WebhookEndpoint endpoint, String secret) {
    }

    @PersistenceContext(unitName = "herald")
    EntityManager em;
    @Inject
    KeyRing keys;
    @Inject
    WebhookListeners listeners;
    @Inject
    TenantRegistry tenants;
    @Inject
    WebhookOutbox outbox;
    @Inject
    PublicAddress address;

    /** The endpoints this person may keep: those of the clients they see, and agency-wide ones if they see all. */
    public List<WebhookEndpoint> of(Actor actor) {
        return em.createNamedQuery("WebhookEndpoint.ofAgency", WebhookEndpoint.class)
                .setParameter("agency", agencyRunBy(actor)).getResultList().stream()
                .filter(e -> covers(actor, e.getTenantId().orElse(null))).toList();
    }

    /** The agencies with an endpoint switched on, as committed (outside the caller's transaction). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Set<Long> listeningAgencies() {
        return Set.copyOf(em.createNamedQuery("WebhookEndpoint.listeningAgencies", Long.class).getResultList());
    }

    /** A new endpoint for every client of the agency (clientId empty) or one. */
    public WithSecret add(Actor actor, String url, Collection<WebhookEvent> events, Long clientId) {
        long agency = agencyRunBy(actor);
        if (!covers(actor, clientId)) {
            throw new AccessDenied(clientId == null ? actor.email() + " does not see every client of the agency"
                    : "Client " + clientId + " is not one " + actor.email() + " sees.");
        }
        OutboundGuard.check(url);
        String secret = WebhookSignature.newSecret();
        WebhookEndpoint endpoint = new WebhookEndpoint(agency, clientId, url, events, Instant.now());
        em.persist(endpoint);
        em.flush();
        listeners.forget();
        // Sealed once the endpoint has its id, which the sealed value is bound to.
        endpoint.keepSecret(WebhookSecrets.seal(keys, agency, endpoint.getId(), secret));
        return new WithSecret(endpoint, secret);
    }

    /**
     * An endpoint that delivers to Herald's own inspector (at the given public address of Herald), for every event:
     * what Herald sends, seen before the agency has a receiver. It is called like any receiver, through the
     * outbound-address guard, so a Herald on a private address needs that address allowed.
     */
    public WithSecret addInspector(Actor actor, Long clientId) {
        return addInspector(actor, address.link(""), clientId);
    }

    /** As {@link #addInspector(Actor, Long)}, at Herald's address as given. */
    public WithSecret addInspector(Actor actor, String herald, Long clientId) {
        return add(actor, WebhookInspector.newAddress(herald), java.util.Arrays.stream(WebhookEvent.values())
                .filter(WebhookEvent::isSubscribable).toList(), clientId);
    }

    /** What the inspector received for the endpoint, newest first. */
    public List<WebhookInspection> inspected(Actor actor, long endpointId) {
        find(actor, endpointId);
        return em.createNamedQuery("WebhookInspection.ofEndpoint", WebhookInspection.class)
                .setParameter("endpoint", endpointId).setMaxResults(WebhookInspection.KEPT).getResultList();
    }

    public void choose(Actor actor, long endpointId, Collection<WebhookEvent> events) {
        find(actor, endpointId).choose(events);
    }

    /** A new secret signs from now on; the old one signs beside it for a day, while the receiver switches. */
    public WithSecret rotate(Actor actor, long endpointId) {
        WebhookEndpoint endpoint = find(actor, endpointId);
        String secret = WebhookSignature.newSecret();
        endpoint.rotate(WebhookSecrets.seal(keys, endpoint.getAgencyId(), endpoint.getId(), secret), Instant.now());
        return new WithSecret(endpoint, secret);
    }

    public void switchOff(Actor actor, long endpointId) {
        find(actor, endpointId).disable("Switched off by " + actor.email() + ".");
    }

    public void switchOn(Actor actor, long endpointId) {
        find(actor, endpointId).enable();
        listeners.forget();
    }

    public void remove(Actor actor, long endpointId) {
        WebhookEndpoint endpoint = find(actor, endpointId);
        em.createNamedQuery("WebhookDelivery.forget").setParameter("endpoint", endpoint.getId()).executeUpdate();
        em.createNamedQuery("WebhookInspection.forget").setParameter("endpoint", endpoint.getId()).executeUpdate();
        em.remove(endpoint);
    }

    /** The endpoint's latest deliveries, newest first. */
    public List<WebhookDelivery> deliveries(Actor actor, long endpointId, int max) {
        find(actor, endpointId);
        return em.createNamedQuery("WebhookDelivery.ofEndpoint", WebhookDelivery.class)
                .setParameter("endpoint", endpointId).setMaxResults(max).getResultList();
    }

    public WebhookDelivery sendTest(Actor actor, long endpointId) {
        WebhookEndpoint endpoint = find(actor, endpointId);
        if (!endpoint.isActive()) {
            throw new RuleViolation("Switch the endpoint on first.");
        }
        return outbox.test(endpoint);
    }

    public void resend(Actor actor, long deliveryId) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId);
        if (delivery == null) {
            throw new AccessDenied("No delivery " + deliveryId + ".");
        }
        find(actor, delivery.getEndpointId());
        outbox.again(delivery);
    }

    private WebhookEndpoint find(Actor actor, long endpointId) {
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, endpointId);
        if (endpoint == null || endpoint.getAgencyId() != agencyRunBy(actor)
                || !covers(actor, endpoint.getTenantId().orElse(null))) {
            throw new AccessDenied("No webhook endpoint " + endpointId + " of the agency.");
        }
        return endpoint;
    }

    /**
     * Whether the person sees what an endpoint tells: one client's events need that client; an endpoint for every
     * client needs someone who sees them all (a manager limited to some clients must not hear of the others).
     */
    private boolean covers(Actor actor, Long clientId) {
        long agency = agencyRunBy(actor);
        if (clientId == null) {
            return actor.allClients();
        }
        return tenants.find(clientId).filter(t -> t.getAgencyId() == agency).isPresent()
                && actor.mayOpen(clientId, agency);
    }

    private static long agencyRunBy(Actor actor) {
        return actor.agencyId().filter(actor::runs)
                .orElseThrow(() -> new AccessDenied("Only an agency's owners and managers keep its webhooks."));
    }
}
