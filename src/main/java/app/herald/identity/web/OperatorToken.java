package app.herald.identity.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The operator's bearer token from configuration (herald.operator.token), which lets monitoring read /metrics,
 * /openapi and the health details without a person's session. Unset, only a platform admin's session reads them. A token
 * shorter than 32 characters is ignored, with a warning at start, rather than guarded by a guessable secret.
 */
@ApplicationScoped
public class OperatorToken {

    static final int MINIMUM_LENGTH = 32;
    private static final Logger LOG = Logger.getLogger(OperatorToken.class.getName());

    private final byte[] expected;

    @Inject
    public OperatorToken(@ConfigProperty(name = "herald.operator.token") Optional<String> configured) {
        Optional<String> token = configured.map(String::strip).filter(t -> !t.isEmpty());
        if (token.isPresent() && token.get().length() < MINIMUM_LENGTH) {
            LOG.warning("herald.operator.token is shorter than " + MINIMUM_LENGTH + " characters and is ignored");
            token = Optional.empty();
        }
        this.expected = token.map(OperatorToken::digest).orElse(null);
    }

    protected OperatorToken() {
        this.expected = null;
    }

    /** Compares digests in constant time, so the answer's timing says nothing about how much of a guess was right. */
    public boolean matches(String presented) {
        return expected != null && presented != null && MessageDigest.isEqual(expected, digest(presented));
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
