package app.herald.api.application;

import app.herald.api.domain.WebhookDelivery;
import app.herald.api.domain.WebhookEndpoint;
import app.herald.identity.application.Actors;
import app.herald.kernel.crypto.KeyRing;
import app.herald.mail.application.Mail;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The short transactions around one attempt: what to send (payload, address, the secrets that sign), and what the
 * receiver answered. The call itself happens between them, outside any transaction.
 */
@Stateless
public class WebhookSending {

    private static final Logger LOG = Logger.getLogger(WebhookSending.class.getName());

    /** One attempt's material: the payload, where to, and every secret that signs it now. */
    public record Attempt(long deliveryId, String messageId, String url, String payload, List<String> secrets) {
    }

    @PersistenceContext(unitName = "herald")
    EntityManager em;
    @Inject
    KeyRing keys;
    @Inject
    Actors actors;
    @Inject
    Mail mail;

    public Optional<Attempt> open(long deliveryId) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId);
        if (delivery == null || delivery.getState() != WebhookDelivery.State.PENDING) {
            return Optional.empty();
        }
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, delivery.getEndpointId());
        if (endpoint == null || !endpoint.isActive()) {
            return Optional.empty();
        }
        List<String> secrets = WebhookSecrets.signing(keys, endpoint, Instant.now());
        return Optional.of(new Attempt(deliveryId, delivery.getMessageId(), endpoint.getUrl(), delivery.getPayload(),
                secrets));
    }

    /** Records an answer; true when the delivery is settled (delivered, or the receiver asked to hear no more). */
    public boolean answered(long deliveryId, int status, String answer, Instant now) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId);
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, delivery.getEndpointId());
        delivery.attempted(status, answer, now);
        if (status / 100 == 2) {
            endpoint.answered();
            return true;
        }
        if (status == 410) {
            // Gone: the receiver says the endpoint is no more (Standard Webhooks); Herald stops calling it.
            delivery.gaveUp();
            endpoint.disable("The receiver answered 410 Gone on " + now + ".");
            return true;
        }
        return false;
    }

    /** Retries spent: the delivery failed; an endpoint failing for days is switched off and its agency told. */
    public void gaveUp(long deliveryId, Instant now) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId);
        delivery.gaveUp();
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, delivery.getEndpointId());
        if (endpoint.failedAt(now)) {
            endpoint.disable("Every delivery failed for " + WebhookEndpoint.FAILING_FOR.toDays() + " days.");
            LOG.warning(() -> "Switched off webhook endpoint " + endpoint.getId() + " of agency "
                    + endpoint.getAgencyId() + ": failing for days");
            for (long userId : actors.runnersOf(endpoint.getAgencyId())) {
                actors.byId(userId).ifPresent(runner -> mail.send(runner.email(), "Herald switched off a webhook",
                        "Herald could not deliver any event to " + endpoint.getUrl() + " for "
                                + WebhookEndpoint.FAILING_FOR.toDays() + " days, so it stopped calling it.\n\n"
                                + "Check the receiver, then switch the endpoint on again on the Webhooks screen; "
                                + "its delivery log shows what the receiver answered.\n"));
            }
        }
    }
}
