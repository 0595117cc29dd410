package app.herald.api.application;

import app.herald.api.domain.WebhookEndpoint;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.crypto.KeyRing;
import app.herald.kernel.crypto.TokenCipher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An endpoint's signing secrets at rest: sealed with the key ring, bound to their agency and endpoint. */
final class WebhookSecrets {

    private WebhookSecrets() {
    }

    static String seal(KeyRing keys, long agencyId, long endpointId, String secret) {
        return keys.cipher().encrypt(secret, context(agencyId, endpointId));
    }

    static String open(KeyRing keys, WebhookEndpoint endpoint, String sealed) {
        try {
            return keys.cipher().decrypt(sealed, context(endpoint.getAgencyId(), endpoint.getId()));
        } catch (TokenCipher.CannotDecrypt e) {
            throw new RuleViolation(e.about("The endpoint's signing secret", "rotate it on the Webhooks screen")
                    .getMessage(), e);
        }
    }

    /** The secrets that sign for the endpoint now: its own, and during a rotation the previous one too. */
    static List<String> signing(KeyRing keys, WebhookEndpoint endpoint, Instant now) {
        List<String> secrets = new ArrayList<>();
        secrets.add(open(keys, endpoint, endpoint.getSecret()));
        endpoint.previousSecret(now).ifPresent(s -> secrets.add(open(keys, endpoint, s)));
        return secrets;
    }

    private static String context(long agencyId, long endpointId) {
        return "herald:agency:" + agencyId + ":webhook:" + endpointId;
    }
}
