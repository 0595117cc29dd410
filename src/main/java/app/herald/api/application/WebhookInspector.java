package app.herald.api.application;

import app.herald.api.domain.WebhookEndpoint;
import app.herald.api.domain.WebhookInspection;
import app.herald.api.domain.WebhookSignature;
import app.herald.kernel.JsonSupport;
import app.herald.kernel.crypto.KeyRing;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Herald's own webhook receiver, so that an agency can see what Herald sends before it has a receiver of its own
 * (and a demo can show it): an endpoint whose address is {@code <Herald>/webhook-inspector/<key>} delivers here,
 * through the network like to any receiver; the inspector checks the signature as a receiver would and keeps the
 * last {@value WebhookInspection#KEPT} requests for the Webhooks screen.
 */
@Stateless
public class WebhookInspector {

    public static final String PATH = "/webhook-inspector/";
    static final int KEY_LENGTH = 24;
    private static final String KEY_ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789";

    @PersistenceContext(unitName = "herald")
    EntityManager em;
    @Inject
    KeyRing keys;

    /** A new inspector address under Herald's public address. */
    static String newAddress(String herald) {
        return herald.replaceAll("/+$", "") + PATH + app.herald.kernel.Secrets.randomText(KEY_ALPHABET, KEY_LENGTH);
    }

    /** Whether the key has the shape of an inspector's, checked before it is looked up. */
    public static boolean looksLikeKey(String key) {
        return key != null && key.length() == KEY_LENGTH && key.chars().allMatch(c -> KEY_ALPHABET.indexOf(c) >= 0);
    }

    /**
     * Keeps one request sent to the inspector with this key; false when no endpoint has it (then nothing is kept).
     * A request whose signature does not check is kept too, marked so: the inspector is where one learns why.
     */
    public boolean receive(String key, String messageId, String timestamp, String signature, String body,
                           Instant now) {
        Optional<WebhookEndpoint> endpoint = em.createNamedQuery("WebhookEndpoint.byAddressEnding",
                        WebhookEndpoint.class).setParameter("ending", "%" + PATH + key).getResultStream()
                .filter(e -> e.getUrl().endsWith(PATH + key)).findFirst();
        if (endpoint.isEmpty()) {
            return false;
        }
        long endpointId = endpoint.get().getId();
        boolean signed = WebhookSignature.verifies(WebhookSecrets.signing(keys, endpoint.get(), now), messageId,
                timestamp, signature, body, now.getEpochSecond());
        em.persist(new WebhookInspection(endpointId, now, messageId, typeOf(body), signed, body));
        em.flush();
        List<Long> kept = em.createNamedQuery("WebhookInspection.ofEndpoint", WebhookInspection.class)
                .setParameter("endpoint", endpointId).setMaxResults(WebhookInspection.KEPT).getResultList().stream()
                .map(WebhookInspection::getId).toList();
        if (kept.size() == WebhookInspection.KEPT) {
            em.createNamedQuery("WebhookInspection.olderThan").setParameter("endpoint", endpointId)
                    .setParameter("oldestKept", kept.get(kept.size() - 1)).executeUpdate();
        }
        return true;
    }

    /** The event's type, if the body is the JSON Herald sends. */
    private static String typeOf(String body) {
        try {
            try (JsonReader reader = JsonSupport.JSON.createReader(new StringReader(body))) {
                return reader.readObject().getString("type", null);
            }
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
