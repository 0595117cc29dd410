package app.herald.identity.web;

import app.herald.identity.infrastructure.OpenIdConnect;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A single sign-on under way in this browser's session: the provider's endpoints as discovered when it started, the
 * state, nonce and PKCE verifier the answer must match, and, when a signed-in person is linking their account, who.
 * It is taken out of the session by the first answer, so an answer works once; it lapses after ten minutes.
 */
record SignOnAttempt(long agencyId, String clientId, OpenIdConnect.Endpoints provider, OpenIdConnect.Attempt attempt,
                     Long linkingUserId, Instant since) implements Serializable {

    static final String ATTRIBUTE = "herald.sign-on-attempt";
    private static final Duration VALID = Duration.ofMinutes(10);

    boolean isCurrent(Instant now) {
        return now.isBefore(since.plus(VALID));
    }

    Optional<Long> linking() {
        return Optional.ofNullable(linkingUserId);
    }
}
